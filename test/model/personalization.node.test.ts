import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveTemplate } from '../../src/model/index.js';

const ctx = {
  contact: { name: 'Jorge Taype Quispe', email: 'jorge.taype96@gmail.com' },
  agent: { name: 'Lucía Ramos' },
  conversation: { number: 6597, subject: 'Pedido incompleto' },
};

describe('resolveTemplate', () => {
  it('resolves known tags, whitespace-tolerant', () => {
    const r = resolveTemplate(
      'Hola {{ contact.first_name }} ({{contact.last_name}}), caso {{conversation.number}} — {{agent.first_name}}',
      ctx,
    );
    assert.equal(r.text, 'Hola Jorge (Taype Quispe), caso #6597 — Lucía');
    assert.deepEqual(r.unknown, []);
    assert.deepEqual(r.missing, []);
  });

  it('uses the fallback when a value is missing, and flags missing values without one', () => {
    const r = resolveTemplate('Hola {{contact.first_name|cliente}}, {{contact.phone}}.', {});
    assert.equal(r.text, 'Hola cliente, .');
    assert.deepEqual(r.missing, ['contact.phone']);
    assert.deepEqual(
      r.segments.filter((s) => s.kind === 'tag').map((s) => s.kind === 'tag' && s.status),
      ['fallback', 'missing'],
    );
  });

  it('keeps unknown tags exactly as written and reports them once', () => {
    const r = resolveTemplate('{{order.id}} y {{ order.id }} para {{contact.email}}', ctx);
    assert.equal(r.text, '{{order.id}} y {{ order.id }} para jorge.taype96@gmail.com');
    assert.deepEqual(r.unknown, ['order.id']);
  });

  it('leaves text without tags and unbalanced braces untouched', () => {
    const text = 'Precio: {10} {{ sin cerrar';
    assert.equal(resolveTemplate(text, ctx).text, text);
  });
});
