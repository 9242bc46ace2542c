'use strict';
// The naive excerpt pipeline the benchmark compares against: the whole body to
// text (html-to-text, marked for Markdown), normalised, then cut at a word
// boundary by segmenting all of it.

const { compile } = require('html-to-text');
const { marked } = require('marked');

const htmlToText = compile({
  wordwrap: false,
  selectors: [
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'figcaption', format: 'skip' },
    { selector: 'ul', options: { itemPrefix: ' ' } }, // '' would mean the default ' * '
    { selector: 'ol', options: { itemPrefix: ' ' } },
  ],
});

function blocksToTextWhole(nodes) {
  const inline = (children) =>
    (Array.isArray(children) ? children : [])
      .map((node) => (typeof node.text === 'string' ? node.text : inline(node.children)))
      .join('');
  const paragraphs = [];
  for (const block of nodes) {
    if (block.type === 'image') continue;
    if (block.type === 'list') paragraphs.push(block.children.map((item) => inline(item.children)).join('\n'));
    else paragraphs.push(inline(block.children));
  }
  return paragraphs.join('\n\n');
}

function naiveNormalize(raw) {
  return raw
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/[ \t]+/g, ' ').trim())
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n');
}

const NAIVE_TEXT = {
  html: (body) => htmlToText(body),
  markdown: (body) => htmlToText(marked.parse(body)),
  blocks: (body) => blocksToTextWhole(body),
};

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });
const WORDS = new Intl.Segmenter('en', { granularity: 'word' });

/** `(body, format) => excerpt`, cut to `maxLength` graphemes with `suffix` as the engine's options say. */
function naiveExcerpter({ maxLength, suffix }) {
  function naiveCut(normalized) {
    const ends = Array.from(GRAPHEMES.segment(normalized), (s) => s.index + s.segment.length);
    if (ends.length <= maxLength) return normalized;
    const limit = ends[maxLength - 1];
    const boundaries = new Set(ends);
    let cut = 0;
    for (const { index } of WORDS.segment(normalized)) if (index <= limit && boundaries.has(index)) cut = index;
    const head = normalized.slice(0, cut).trimEnd() || normalized.slice(0, limit).trimEnd();
    return head + suffix;
  }
  return (body, format) => naiveCut(naiveNormalize(NAIVE_TEXT[format](body)));
}

module.exports = { naiveExcerpter };
