-- The Typst writer's part of the neutral Markdown: pandoc's Typst writer drops
-- a span's or a div's classes, so the classes the book styles become calls of
-- the functions its Typst shells define.
--   A span of class "check" (how a derivation step was verified) becomes
--   #check[...], a small grey mark; one of class "term" (a glossary term's
--   first use, linked to its entry) becomes #term[...], set quietly.
--   A div of class "problem", "solution" or "note" becomes #problem[...] and
--   so on, a shaded box; its id stays on the div inside, as a label.

local SPANS = {"check", "term"}
local BOXES = {"problem", "solution", "note"}

function Span(span)
  for _, class in ipairs(SPANS) do
    if span.classes:includes(class) then
      local marked = pandoc.List({pandoc.RawInline("typst", "#" .. class .. "[")})
      marked:extend(span.content)
      marked:insert(pandoc.RawInline("typst", "]"))
      return marked
    end
  end
end

function Div(div)
  for _, class in ipairs(BOXES) do
    if div.classes:includes(class) then
      div.classes = div.classes:filter(function(c) return c ~= class end)
      return {pandoc.RawBlock("typst", "#" .. class .. "["), div, pandoc.RawBlock("typst", "]")}
    end
  end
end
