-- Runs after citeproc, in both outputs: each work in a citation's text links
-- to its entry in the References appendix, where citeproc gives every entry
-- the id ref-KEY. In (Glorot and Bengio 2010; He et al. 2015) the two works
-- are two links, the brackets and the separator not linked; a citation of
-- one work is one link. The page of
-- the References appendix comes as the metadata field references-page (empty
-- for the PDF, which is one document).

local page = ""

local function read_page(meta)
  if meta["references-page"] then
    page = pandoc.utils.stringify(meta["references-page"])
  end
end

-- The citation's text cut into one run of inlines per work, at the
-- separators citeproc writes ("; "), or nil if it does not cut evenly.
local function per_work(content, count)
  local groups, current = {}, pandoc.List()
  for _, el in ipairs(content) do
    if el.t == "Str" and el.text:sub(-1) == ";" and #groups < count - 1 then
      current:insert(pandoc.Str(el.text:sub(1, -2)))
      table.insert(groups, current)
      current = pandoc.List()
    elseif not (el.t == "Space" and #current == 0 and #groups > 0) then
      current:insert(el)
    end
  end
  table.insert(groups, current)
  return #groups == count and groups or nil
end

-- A run of inlines as a link, with an opening or closing bracket at its ends left outside.
local function linked(inlines, key)
  local before, after = pandoc.List(), pandoc.List()
  local first, last = inlines[1], inlines[#inlines]
  if first and first.t == "Str" and first.text:sub(1, 1) == "(" and #first.text > 1 then
    before:insert(pandoc.Str("("))
    inlines[1] = pandoc.Str(first.text:sub(2))
  end
  last = inlines[#inlines]
  if last and last.t == "Str" and last.text:sub(-1) == ")" and #last.text > 1 then
    after:insert(pandoc.Str(")"))
    inlines[#inlines] = pandoc.Str(last.text:sub(1, -2))
  end
  before:insert(pandoc.Link(inlines, page .. "#ref-" .. key))
  before:extend(after)
  return before
end

local function link_works(cite)
  local groups = #cite.citations > 1 and per_work(cite.content, #cite.citations)
  if not groups then
    cite.content = {pandoc.Link(cite.content, page .. "#ref-" .. cite.citations[1].id)}
    return cite
  end
  local content = pandoc.List()
  for i, group in ipairs(groups) do
    if i > 1 then
      content:extend({pandoc.Str(";"), pandoc.Space()})
    end
    content:extend(linked(group, cite.citations[i].id))
  end
  cite.content = content
  return cite
end

return {{Meta = read_page}, {Cite = link_works}}
