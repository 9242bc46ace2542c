import { excerptFromBody } from '../../../src/plugins/newsroom/server/src/lib/excerpt';
import { extractHtml } from '../../../src/plugins/newsroom/server/src/lib/excerpt/html-to-text';

/** The whole text of an HTML body, normalised (a limit so high nothing is cut). */
const text = (html: string): string => excerptFromBody(html, 'html', { maxLength: 100_000 });

describe('HTML bodies', () => {
  it('separates blocks so words are never glued', () => {
    expect(text('<h2>Installation</h2><p>How</p>')).toBe('Installation\n\nHow');
    expect(
      text(
        '<div>one</div><div>two</div><section>three</section><article><header>four</header><footer>five</footer></article>',
      ),
    ).toBe('one\n\ntwo\n\nthree\n\nfour\n\nfive');
    expect(text('<p>a</p><hr><p>b</p><blockquote>c</blockquote><pre>d</pre>')).toBe('a\n\nb\n\nc\n\nd');
  });

  it('collapses source whitespace and indentation', () => {
    expect(text('\n  <p>\n    Hello,\n    world!  </p>\n\n  <p>\tNext</p>\n')).toBe('Hello, world!\n\nNext');
  });

  it('reads nested divs', () => {
    expect(text('<div><div><div>deep</div>er</div><div>side</div></div>')).toBe('deep\n\ner\n\nside');
  });

  it('skips script, style, img, figcaption, noscript, template, iframe and svg', () => {
    const html =
      '<p>Before</p><script>var x = "<p>no</p>";</script><style>p { color: red }</style>' +
      '<figure><img src="a.png" alt="alt text"><figcaption>Caption</figcaption></figure>' +
      '<noscript>Enable JS</noscript><template><p>tpl</p></template><iframe src="x">frame</iframe>' +
      '<svg><text>svg text</text></svg><p>After</p>';
    expect(text(html)).toBe('Before\n\nAfter');
  });

  it('decodes entities and keeps NO-BREAK SPACE as is', () => {
    expect(text('<p>Tom &amp; Jerry&#8217;s &quot;show&quot; &lt;b&gt; &#x2014; a&nbsp;b &copy;</p>')).toBe(
      'Tom & Jerry’s "show" <b> — a\u00A0b ©',
    );
  });

  it('turns <br> into a line break inside the paragraph', () => {
    expect(text('<p>line one<br>line two<br/>line three</p>')).toBe('line one\nline two\nline three');
    expect(text('<p>a<br><br><br>b</p>')).toBe('a\nb');
  });

  it('gives one line per list item and per table row', () => {
    expect(text('<p>Intro</p><ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul><p>End</p>')).toBe(
      'Intro\n\none\ntwo\nnested\n\nEnd',
    );
    expect(text('<table><tr><th>Name</th><th>Age</th></tr><tr><td>Bob</td><td>42</td></tr></table>')).toBe(
      'Name Age\nBob 42',
    );
    expect(text('<ul><li><p>loose</p></li><li><p>items</p></li></ul>')).toBe('loose\nitems');
  });

  it('keeps the lines of preformatted text', () => {
    expect(text('<pre><code>const a = 1;\n  const b = 2;</code></pre>')).toBe('const a = 1;\nconst b = 2;');
  });

  it('reads broken HTML as a browser would', () => {
    expect(text('<p>unclosed <b>bold')).toBe('unclosed bold');
    expect(text('<p>a</p></div></span>b<p>c')).toBe('a\n\nb\n\nc');
    expect(text('text with a < sign and a <b lost')).toBe('text with a < sign and a');
  });

  it('drops empty paragraphs, &nbsp; ones included', () => {
    expect(text('<p>a</p><p></p><p>&nbsp;</p><p> </p><p>b</p>')).toBe('a\n\nb');
  });

  it('stops parsing once enough text is gathered', () => {
    const html = '<p>word word word word</p>'.repeat(10_000);
    const partial = extractHtml(html, 500);
    expect(partial.complete).toBe(false);
    expect(partial.normalized.length).toBeGreaterThanOrEqual(500);
    expect(partial.normalized.length).toBeLessThan(2000);
    expect(extractHtml('<p>short</p>', 500)).toEqual({ normalized: 'short', complete: true });
  });
});
