-- pandoc's Typst writer drops a span's classes. A span of class "check" (the
-- mark saying how a derivation step was verified) becomes #check[...], which
-- the book's Typst shell sets as a small grey mark at the end of the line.
function Span(span)
  if span.classes:includes("check") then
    local marked = pandoc.List({pandoc.RawInline("typst", "#check[")})
    marked:extend(span.content)
    marked:insert(pandoc.RawInline("typst", "]"))
    return marked
  end
end
