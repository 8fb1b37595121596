/* Loaded in the head, before the first paint: marks that scripts run (so the
   stylesheet shows the controls shell.js drives) and applies the colour scheme
   the reader chose with the toggle, if any; otherwise the system's setting holds. */
(function () {
  const root = document.documentElement;
  root.classList.add("js");
  try {
    const chosen = localStorage.getItem("gradbook-theme");
    if (chosen === "dark" || chosen === "light") root.dataset.theme = chosen;
  } catch (blocked) {
    // Storage can be switched off; the page then follows the system's setting.
  }
})();
