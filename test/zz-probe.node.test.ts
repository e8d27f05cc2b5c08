import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeAddress } from '../src/model/address.js';

test('greets via model code', () => {
  assert.equal(typeof normalizeAddress, 'function');
});
