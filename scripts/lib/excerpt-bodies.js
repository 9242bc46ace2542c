'use strict';
// Deterministic excerpt-benchmark bodies of about BODY_SIZE each, in the three
// body formats (HTML, Markdown, Strapi Blocks), with the features the excerpt
// engine must handle: headings, lists, figures, marks, links, entities.

const FORMATS = ['html', 'markdown', 'blocks'];
const BODY_SIZE = 5 * 1024;

const VOCABULARY = (
  'the coalition carried out a new strike on positions near river village province army allies ' +
  'reported week sources according ministry statement officials said forces units government ' +
  'military eastern western bank crossed attacked destroyed vehicles tanks militia volunteers ' +
  'agency news president foreign minister interview territory countries operating ground ' +
  'café naïve résumé Zürich São Paulo Kraków 2018 U.S. don’t it’s'
).split(' ');

function makeWriter(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const words = (n) => Array.from({ length: n }, () => pick(VOCABULARY)).join(' ');
  const sentence = () => {
    const text = words(6 + Math.floor(random() * 14));
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 2 + Math.floor(random() * 5) }, sentence).join(' ');
  return { random, pick, words, sentence, paragraph };
}

function htmlBody(w) {
  const parts = [];
  let size = 0;
  while (size < BODY_SIZE) {
    const roll = w.random();
    let part;
    if (roll < 0.15) part = `<h2>${w.words(4)}</h2>`;
    else if (roll < 0.25) part = `<ul>${Array.from({ length: 3 }, () => `<li>${w.words(5)}</li>`).join('')}</ul>`;
    else if (roll < 0.3)
      part = `<figure><img src="/uploads/${w.words(1)}.jpg" alt="${w.words(3)}"><figcaption>${w.words(6)}</figcaption></figure>`;
    else {
      part = `<p>${w.paragraph()} <strong>${w.words(2)}</strong> &amp; <a href="https://example.com/${w.words(1)}">${w.words(3)}</a>&nbsp;${w.sentence()}</p>`;
    }
    parts.push(part);
    size += part.length + 1;
  }
  return parts.join('\n');
}

function markdownBody(w) {
  const parts = [];
  let size = 0;
  while (size < BODY_SIZE) {
    const roll = w.random();
    let part;
    if (roll < 0.15) part = `## ${w.words(4)}`;
    else if (roll < 0.25) part = Array.from({ length: 3 }, () => `- ${w.words(5)}`).join('\n');
    else if (roll < 0.3) part = `![${w.words(3)}](/uploads/${w.words(1)}.jpg)`;
    else
      part = `${w.paragraph()} **${w.words(2)}** &amp; [${w.words(3)}](https://example.com/${w.words(1)}) ${w.sentence()}`;
    parts.push(part);
    size += part.length + 2;
  }
  return parts.join('\n\n');
}

const text = (value, marks = {}) => ({ type: 'text', text: value, ...marks });

function blocksBody(w) {
  const blocks = [];
  let size = 0;
  while (size < BODY_SIZE) {
    const roll = w.random();
    let block;
    if (roll < 0.15) block = { type: 'heading', level: 2, children: [text(w.words(4))] };
    else if (roll < 0.25) {
      const items = Array.from({ length: 3 }, () => ({ type: 'list-item', children: [text(w.words(5))] }));
      block = { type: 'list', format: 'unordered', children: items };
    } else if (roll < 0.3) {
      block = {
        type: 'image',
        image: { url: `/uploads/${w.words(1)}.jpg`, alternativeText: w.words(3) },
        children: [text('')],
      };
    } else {
      block = {
        type: 'paragraph',
        children: [
          text(`${w.paragraph()} `),
          text(w.words(2), { bold: true }),
          text(' & '),
          { type: 'link', url: `https://example.com/${w.words(1)}`, children: [text(w.words(3))] },
          text(`\u00A0${w.sentence()}`),
        ],
      };
    }
    blocks.push(block);
    size += JSON.stringify(block).length;
  }
  return blocks;
}

const BUILDERS = { html: htmlBody, markdown: markdownBody, blocks: blocksBody };

module.exports = { BODY_SIZE, BUILDERS, FORMATS, makeWriter };
