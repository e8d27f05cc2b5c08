import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Node } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { toolbarState } from '../../../src/components/mail-composer/editor/commands.js';
import { normalizeLinkInput } from '../../../src/components/mail-composer/editor/link.js';
import { findSlash } from '../../../src/components/mail-composer/editor/plugins.js';
import { marks, nodes, schema } from '../../../src/components/mail-composer/editor/schema.js';
import { textToSlice, toText } from '../../../src/components/mail-composer/editor/serialize.js';

const {
  doc,
  paragraph: p,
  blockquote,
  bullet_list,
  ordered_list,
  list_item,
  hard_break,
  image,
} = nodes;
const text = (value: string, ...m: ReturnType<typeof marks.strong.create>[]) =>
  schema.text(value, m);
const li = (...content: Node[]) => list_item.create(null, content);
const link = (href: string) => marks.link.create({ href });

describe('editor plain-text alternative', () => {
  it('separates paragraphs by a blank line and breaks lines at hard breaks', () => {
    const d = doc.create(null, [
      p.create(null, [text('Hola '), text('Jorge', marks.strong.create()), text(',')]),
      p.create(null, [text('una'), hard_break.create(), text('dos')]),
      p.create(),
      p.create(null, [text('fin')]),
    ]);
    assert.equal(toText(d), 'Hola Jorge,\n\nuna\ndos\n\n\n\nfin');
  });

  it('writes lists with markers, nested lists indented, ordered lists from their start', () => {
    const d = doc.create(null, [
      bullet_list.create(null, [
        li(
          p.create(null, [text('uno')]),
          bullet_list.create(null, [li(p.create(null, [text('uno.a')]))]),
        ),
        li(p.create(null, [text('dos')]), p.create(null, [text('más')])),
      ]),
      ordered_list.create({ order: 9 }, [
        li(p.create(null, [text('nueve')])),
        li(p.create(null, [text('diez')])),
      ]),
    ]);
    assert.equal(toText(d), '- uno\n  - uno.a\n- dos\n  más\n\n9. nueve\n10. diez');
  });

  it('prefixes quoted lines, blank lines too', () => {
    const d = doc.create(null, [
      blockquote.create(null, [p.create(null, [text('a')]), p.create(null, [text('b')])]),
    ]);
    assert.equal(toText(d), '> a\n>\n> b');
  });

  it('writes links as text <url> unless the text is the address, images as [alt]', () => {
    const d = doc.create(null, [
      p.create(null, [
        text('Vea '),
        text('la ', link('https://x.pe/a')),
        text('ayuda', link('https://x.pe/a'), marks.strong.create()),
        text(', '),
        text('https://x.pe', link('https://x.pe')),
        text(', '),
        text('ana@x.pe', link('mailto:ana@x.pe')),
        text(' '),
        image.create({ src: 'https://x.pe/i.png', alt: 'Logo' }),
        image.create({ src: 'https://x.pe/j.png' }),
      ]),
    ]);
    assert.equal(
      toText(d, 'imagen'),
      'Vea la ayuda <https://x.pe/a>, https://x.pe, ana@x.pe [Logo][imagen]',
    );
  });
});

describe('editor text in', () => {
  it('makes paragraphs at blank lines and hard breaks at single newlines', () => {
    const slice = textToSlice('Hola,\r\n\r\nGracias.\nAtte.\n\n\nAna');
    assert.equal(slice.openStart, 1);
    assert.equal(slice.openEnd, 1);
    assert.deepEqual(JSON.parse(JSON.stringify(slice.content.toJSON())), [
      { type: 'paragraph', attrs: { align: null }, content: [{ type: 'text', text: 'Hola,' }] },
      {
        type: 'paragraph',
        attrs: { align: null },
        content: [
          { type: 'text', text: 'Gracias.' },
          { type: 'hard_break' },
          { type: 'text', text: 'Atte.' },
        ],
      },
      { type: 'paragraph', attrs: { align: null }, content: [{ type: 'text', text: 'Ana' }] },
    ]);
  });
});

describe('link form input', () => {
  it('accepts web and email addresses, completing the scheme', () => {
    const cases: [string, string][] = [
      ['https://tiendaandina.pe/ayuda?x=1', 'https://tiendaandina.pe/ayuda?x=1'],
      ['http://tiendaandina.pe', 'http://tiendaandina.pe'],
      ['tiendaandina.pe/ayuda', 'https://tiendaandina.pe/ayuda'],
      ['www.tiendaandina.pe:8080/x', 'https://www.tiendaandina.pe:8080/x'],
      [' ventas@tiendaandina.pe ', 'mailto:ventas@tiendaandina.pe'],
      ['mailto:ventas@tiendaandina.pe?subject=Hola', 'mailto:ventas@tiendaandina.pe?subject=Hola'],
    ];
    for (const [input, href] of cases) assert.equal(normalizeLinkInput(input), href, input);
  });

  it('refuses other schemes and things that are not addresses', () => {
    for (const input of [
      '',
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'ftp://x.pe',
      'hola mundo',
      'localhost',
      'mailto:nadie',
      'vbscript:x',
    ])
      assert.equal(normalizeLinkInput(input), null, input);
  });
});

function stateAt(paragraphText: string, caret = paragraphText.length + 1) {
  const d = doc.create(null, [p.create(null, paragraphText ? [text(paragraphText)] : [])]);
  return EditorState.create({ doc: d, selection: TextSelection.create(d, caret) });
}

describe('the / trigger', () => {
  it('matches a /word that starts a word, right before the caret', () => {
    assert.deepEqual(findSlash(stateAt('/')), { from: 1, to: 2, query: '' });
    assert.deepEqual(findSlash(stateAt('Hola /salu')), { from: 6, to: 11, query: 'salu' });
    assert.deepEqual(findSlash(stateAt('Hola\u00a0/envío')), { from: 6, to: 12, query: 'envío' });
  });

  it('ignores slashes inside words, URLs, after a space, or away from the caret', () => {
    assert.equal(findSlash(stateAt('a/b')), null);
    assert.equal(findSlash(stateAt('https://x')), null);
    assert.equal(findSlash(stateAt('/sal ')), null);
    assert.equal(findSlash(stateAt('/sal más', 4)), null);
    assert.deepEqual(findSlash(stateAt('/sal más', 5)), { from: 1, to: 5, query: 'sal' });
    assert.equal(findSlash(stateAt('x')), null);
  });
});

describe('toolbar state', () => {
  it('follows the marks and blocks at the caret', () => {
    const d = doc.create(null, [
      p.create({ align: 'center' }, [text('ab', marks.strong.create()), text('cd')]),
      bullet_list.create(null, [li(blockquote.create(null, [p.create(null, [text('x')])]))]),
    ]);
    const at = (pos: number) =>
      toolbarState(EditorState.create({ doc: d, selection: TextSelection.create(d, pos) }));
    assert.equal(at(2).strong, true);
    assert.equal(at(2).align, 'center');
    assert.equal(at(4).strong, false);
    assert.equal(at(11).list, 'bullet');
    assert.equal(at(11).blockquote, true);
    assert.equal(at(11).align, 'left');
    assert.equal(at(11).canUndo, false);
  });
});
