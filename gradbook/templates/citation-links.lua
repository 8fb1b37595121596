-- Runs after citeproc, in the HTML only: a citation's text, such as
-- (Glorot and Bengio 2010), becomes a link to its first work's entry in the
-- References appendix (references.html), where citeproc gave each entry the
-- id ref-KEY.
function Cite(cite)
  cite.content = {pandoc.Link(cite.content, "references.html#ref-" .. cite.citations[1].id)}
  return cite
end
