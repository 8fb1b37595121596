-- pandoc's Typst writer drops a span's classes. A span of class "check" (the
-- mark saying how a derivation step was verified) becomes #check[...], which
-- the book's Typst shell sets as a small grey mark at the end of the line; a
-- span of class "term" (a glossary term's first use, linked to its entry)
-- becomes #term[...], set quietly rather than as a blue link.
local STYLED = {"check", "term"}

function Span(span)
  for _, class in ipairs(STYLED) do
    if span.classes:includes(class) then
      local marked = pandoc.List({pandoc.RawInline("typst", "#" .. class .. "[")})
      marked:extend(span.content)
      marked:insert(pandoc.RawInline("typst", "]"))
      return marked
    end
  end
end
