-- Links the first use of each glossary term in a part to the term's entry in
-- the glossary, as a span of class "term" around the link (the HTML styles it
-- quietly; typst.lua makes it #term[...] for the PDF).
--
-- The terms come as JSON in GRADBOOK_GLOSSARY (gradbook/glossary.py writes
-- it): each has a link target and forms, each form a list of lowercase words.
-- Only running text is searched, in document order: paragraphs and plain
-- blocks (lists, boxes, tables), never headings or figure captions, and within
-- them never math, code, links, citations, quotations or raw markup.

local input = os.getenv("GRADBOOK_GLOSSARY")
if not input or input == "" then
  return {}
end
local glossary = pandoc.json.decode(input, false)
local terms = glossary.terms
local linked = {}
local skipping = false

-- Every form, by its first word, in the order of the terms and their forms:
-- a word is tried only against the forms that start with it, not against
-- every form of every term (which made this filter most of pandoc's time).
local starting = {}
for index, term in ipairs(terms) do
  for _, form in ipairs(term.forms) do
    local first = form[1]
    starting[first] = starting[first] or {}
    table.insert(starting[first], {index = index, form = form})
  end
end

local CONTAINERS = {Emph = true, Strong = true, Span = true, Underline = true, SmallCaps = true,
                    Strikeout = true, Superscript = true, Subscript = true}
local LEADING = "^([%(%[\"'\226\128\156\152]*)"
local TRAILING = "([%.,;:!%?%)%]\"'\226\128\157\153]*)$"

-- A word's text split into leading punctuation, the word, and what trails it
-- (punctuation, or a possessive 's).
local function split(text)
  local lead = text:match(LEADING)
  local rest = text:sub(#lead + 1)
  local trail = rest:match(TRAILING)
  local core = rest:sub(1, #rest - #trail)
  for _, possessive in ipairs({"'s", "\226\128\153s"}) do
    if #core > #possessive and core:sub(-#possessive) == possessive then
      core, trail = core:sub(1, -#possessive - 1), possessive .. trail
    end
  end
  return lead, core, trail
end

-- If the words of `form` start at inlines[i]: the index of the last word,
-- what precedes the first, and what trails the last.
local function match_at(inlines, i, form)
  local j, lead = i, nil
  for k, word in ipairs(form) do
    local el = inlines[j]
    if not el or el.t ~= "Str" then return nil end
    local l, core, t = split(el.text)
    if (k > 1 and l ~= "") or (k < #form and t ~= "") or pandoc.text.lower(core) ~= word then
      return nil
    end
    if k == 1 then lead = l end
    if k == #form then return j, lead, t end
    local gap = inlines[j + 1]
    if not gap or (gap.t ~= "Space" and gap.t ~= "SoftBreak") then return nil end
    j = j + 2
  end
end

-- The longest use, at inlines[i] (a Str), of a term not linked yet; the
-- first such term, in the glossary's order, where two are as long.
local function use_at(inlines, i)
  local _, core = split(inlines[i].text)
  local candidates = starting[pandoc.text.lower(core)]
  if not candidates then return nil end
  local best
  for _, candidate in ipairs(candidates) do
    if not linked[candidate.index] then
      local last, lead, trail = match_at(inlines, i, candidate.form)
      if last and (not best or last > best.last) then
        best = {index = candidate.index, last = last, lead = lead, trail = trail}
      end
    end
  end
  return best
end

local function link_terms(inlines)
  local result = pandoc.List()
  local i = 1
  while i <= #inlines do
    local el = inlines[i]
    local use = el.t == "Str" and use_at(inlines, i)
    if use then
      linked[use.index] = true
      local words = pandoc.List()
      for k = i, use.last do
        words:insert(inlines[k]:clone())
      end
      words[1].text = words[1].text:sub(#use.lead + 1)
      words[#words].text = words[#words].text:sub(1, #words[#words].text - #use.trail)
      if use.lead ~= "" then result:insert(pandoc.Str(use.lead)) end
      result:insert(pandoc.Span({pandoc.Link(words, terms[use.index].target)}, {class = "term"}))
      if use.trail ~= "" then result:insert(pandoc.Str(use.trail)) end
      i = use.last + 1
    else
      if CONTAINERS[el.t] then
        el.content = link_terms(el.content)
      end
      result:insert(el)
      i = i + 1
    end
  end
  return result
end

local function in_text(block)
  if not skipping then
    block.content = link_terms(block.content)
  end
  return block
end

-- A whole book in one document: each chapter (a level-1 heading) links its
-- own first uses, and the glossary's own section links none.
local function chapter(header)
  if header.level == 1 then
    linked = {}
    skipping = glossary.skip ~= "" and header.identifier == glossary.skip
  end
  return header, false
end

-- A figure's caption is left alone: the HTML repeats it as the image's alt
-- text and hides the caption from screen readers, where a link must not be.
local function untouched(element)
  return element, false
end

-- Nor is the reference list, which citeproc writes into the div #refs: a
-- work's title is quoted as its authors wrote it.
local function unless_references(div)
  if div.identifier == "refs" then
    return div, false
  end
end

return {{traverse = "topdown", Para = in_text, Plain = in_text, Header = chapter, Figure = untouched,
         Div = unless_references}}
