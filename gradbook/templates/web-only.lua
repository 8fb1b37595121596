-- For the formats that are one document (the PDF, the EPUB): a div of class
-- "web-only" holds what only the HTML site can show (a note that opens the
-- interactive explorer), so it is left out.
function Div(div)
  if div.classes:includes("web-only") then
    return {}
  end
end
