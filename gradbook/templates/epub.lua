-- The EPUB's part of the neutral Markdown.
--
-- It is one document numbered by pandoc, so the parts that are not chapters
-- (the preface, the appendices: their level-1 heading is of class
-- "unnumbered") must have their sections unnumbered too, or they would go on
-- counting the chapter before them.
--
-- pandoc points a link at the chapter file that holds its target for most
-- elements, but not for a figure's own id: the id moves to a span at the
-- start of the caption, which links across chapter files then find.

local function anchored_figure(figure)
  if figure.identifier ~= "" and #figure.caption.long > 0 then
    local first = figure.caption.long[1]
    first.content:insert(1, pandoc.Span({}, {id = figure.identifier}))
    figure.identifier = ""
  end
  return figure
end

local function unnumbered_parts(doc)
  local unnumbered = false
  for _, block in ipairs(doc.blocks) do
    if block.t == "Header" then
      if block.level == 1 then
        unnumbered = block.classes:includes("unnumbered")
      elseif unnumbered and not block.classes:includes("unnumbered") then
        block.classes:insert("unnumbered")
      end
    end
  end
  return doc
end

return {{Figure = anchored_figure}, {Pandoc = unnumbered_parts}}
