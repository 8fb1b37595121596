-- The Typst writer's part of the neutral Markdown: pandoc's Typst writer drops
-- a span's or a div's classes, so the classes the book styles become calls of
-- the functions its Typst shells define.
--   A span of class "check" (how a derivation step was verified) becomes
--   #check[...], a small grey mark; one of class "term" (a glossary term's
--   first use, linked to its entry) becomes #term[...], set quietly.
--   A div of class "problem", "solution" or "note" becomes #problem[...] and
--   so on, a shaded box; its id stays on the div inside, as a label. A div of
--   class "audit" (the audit's tables) becomes #audit[...], set small.
-- It also keeps together on a page what a reader reads as one thing, and sets
-- absolute values as delimiters (see each function below).

local SPANS = {"check", "term"}
local BOXES = {"problem", "solution", "note", "audit"}

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

-- A loose numbered list's item (a derivation step: its reason, the check mark
-- and the display equation) is one thing to read, so each item becomes a
-- one-item list, numbered on from the list's start, in a block that never
-- breaks across pages. A tight list's items are single lines and stay as they are.
function OrderedList(list)
  local loose = list.content[1] and list.content[1][1] and list.content[1][1].t == "Para"
  if not loose then
    return nil
  end
  local start = list.listAttributes.start or 1
  local items = pandoc.List()
  for i, item in ipairs(list.content) do
    items:insert(pandoc.RawBlock("typst", "#block(breakable: false, enum(start: " .. (start + i - 1) .. ", tight: false)["))
    items:extend(item)
    items:insert(pandoc.RawBlock("typst", "])"))
  end
  return items
end

-- A listing's caption, a paragraph opening with a bold "Listing 1.1.", stays on
-- the page of the code it captions.
function Para(para)
  local first = para.content[1]
  if first and first.t == "Strong" and pandoc.utils.stringify(first):match("^Listing %w+%.%d+%.$") then
    return {pandoc.RawBlock("typst", "#block(sticky: true)["), para, pandoc.RawBlock("typst", "]")}
  end
end

-- pandoc's Typst writer turns \lvert z \rvert into two loose bars, spaced as
-- three symbols; \left\lvert z \right\rvert becomes lr(|z|), an absolute value.
-- (A norm, \lVert W \rVert, is already set as one, and stays as it is.)
function Math(math)
  local bare = math.text:gsub("\\left\\lvert", "\\lvert"):gsub("\\right\\rvert", "\\rvert")
  math.text = bare:gsub("\\lvert%f[^%a]", "\\left\\lvert"):gsub("\\rvert%f[^%a]", "\\right\\rvert")
  return math
end
