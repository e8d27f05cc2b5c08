import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isValidAddress,
  localPart,
  parseAddress,
  parseAddressList,
} from '../../src/model/index.js';

describe('addresses', () => {
  it('validates what users type', () => {
    for (const ok of ['jorge.taype96@gmail.com', 'a+b@sub.tiendaandina.pe', 'x@y.io'])
      assert.equal(isValidAddress(ok), true, ok);
    for (const bad of [
      '',
      'jorge',
      'jorge@',
      '@gmail.com',
      'a b@x.com',
      'a@x',
      'a@-x.com',
      'a@@x.com',
    ])
      assert.equal(isValidAddress(bad), false, bad);
  });

  it('parses names, angle brackets and quoted names, normalizing case', () => {
    assert.deepEqual(parseAddress(' Jorge Taype <Jorge.Taype96@Gmail.com> '), {
      name: 'Jorge Taype',
      address: 'jorge.taype96@gmail.com',
    });
    assert.deepEqual(parseAddress('"Taype, Jorge" <j@x.pe>'), {
      name: 'Taype, Jorge',
      address: 'j@x.pe',
    });
    assert.equal(parseAddress('Jorge <no-es-correo>'), null);
  });

  it('splits pasted lists without losing invalid entries', () => {
    assert.deepEqual(parseAddressList('a@x.pe, "Díaz, Marco" <m@x.pe>; nope\nc@z.pe'), [
      { address: 'a@x.pe' },
      { name: 'Díaz, Marco', address: 'm@x.pe' },
      { invalid: 'nope' },
      { address: 'c@z.pe' },
    ]);
  });

  it('splits addresses separated by spaces and junk words, keeping every word', () => {
    assert.deepEqual(
      parseAddressList(
        'hola ana@x.pe y (bob@y.pe). "Ana Pérez" <ana.p@x.pe> — xx\nfoo@ Cy <c@z.pe>',
      ),
      [
        { invalid: 'hola' },
        { address: 'ana@x.pe' },
        { invalid: 'y' },
        { address: 'bob@y.pe' },
        { name: 'Ana Pérez', address: 'ana.p@x.pe' },
        { invalid: '—' },
        { invalid: 'xx' },
        { invalid: 'foo@' },
        { name: 'Cy', address: 'c@z.pe' },
      ],
    );
  });

  it('tells names from addresses written one after another', () => {
    assert.deepEqual(parseAddressList('"Ana P" <a@x.pe> Juan Soto <J@Y.pe>'), [
      { name: 'Ana P', address: 'a@x.pe' },
      { name: 'Juan Soto', address: 'j@y.pe' },
    ]);
    assert.deepEqual(parseAddressList('xx "Luz" <luz@z.pe>'), [
      { invalid: 'xx' },
      { name: 'Luz', address: 'luz@z.pe' },
    ]);
    assert.deepEqual(parseAddressList('"a@x.pe" <a@x.pe>'), [
      { name: 'a@x.pe', address: 'a@x.pe' },
    ]);
  });

  it('keeps a segment without any @ whole, and survives a stray quote', () => {
    assert.deepEqual(parseAddressList('Ana Pérez'), [{ invalid: 'Ana Pérez' }]);
    assert.deepEqual(parseAddressList('"ana@x.pe"'), [{ address: 'ana@x.pe' }]);
    assert.deepEqual(parseAddressList('oops " a@x.pe b@y.pe\nc@z.pe'), [
      { invalid: 'oops' },
      { invalid: '"' },
      { address: 'a@x.pe' },
      { address: 'b@y.pe' },
      { address: 'c@z.pe' },
    ]);
  });

  it('takes the local part shown as the recipient', () => {
    assert.equal(localPart('jorge.taype96@gmail.com'), 'jorge.taype96');
  });
});
