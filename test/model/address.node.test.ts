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

  it('takes the local part shown as the recipient', () => {
    assert.equal(localPart('jorge.taype96@gmail.com'), 'jorge.taype96');
  });
});
