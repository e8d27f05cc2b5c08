import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  acceptAttribute,
  blockMatches,
  canTransition,
  checkFile,
  DEFAULT_ATTACHMENT_LIMITS as L,
  type BlockListEntry,
} from '../../src/model/index.js';

const MB = 1024 * 1024;

describe('file rules (seed table)', () => {
  it('accepts each kind by extension and tells audio from video .mp4 by type', () => {
    assert.deepEqual(checkFile({ name: 'boleta.PDF', size: 10 }, L.attachment), {
      ok: true,
      kind: 'document',
    });
    assert.deepEqual(checkFile({ name: 'nota.mp4', size: 10, type: 'audio/mp4' }, L.attachment), {
      ok: true,
      kind: 'audio',
    });
    assert.deepEqual(checkFile({ name: 'clip.mp4', size: 10, type: 'video/mp4' }, L.attachment), {
      ok: true,
      kind: 'video',
    });
    assert.deepEqual(checkFile({ name: 'data.csv', size: 10 }, L.attachment), {
      ok: true,
      kind: 'text',
    });
  });

  it('refuses by type and by size with the limit', () => {
    const exe = checkFile({ name: 'setup.exe', size: 10 }, L.attachment);
    assert.equal(exe.ok, false);
    assert.equal(!exe.ok && exe.reason, 'unsupported-type');
    const big = checkFile({ name: 'foto.png', size: 5 * MB + 1 }, L.inlineImage);
    assert.deepEqual(big, { ok: false, reason: 'too-large', maxBytes: 5 * MB, size: 5 * MB + 1 });
    assert.equal(checkFile({ name: 'foto.png', size: 10 * MB }, L.attachment).ok, true);
    assert.equal(checkFile({ name: 'informe.pdf', size: 0 }, L.attachment).ok, false);
    assert.equal(acceptAttribute(L.inlineImage), '.jpg,.jpeg,.png,.gif');
  });
});

describe('delivery status transitions', () => {
  it('allows the undo window path and forbids leaving final states', () => {
    assert.equal(canTransition('draft', 'scheduled'), true);
    assert.equal(canTransition('scheduled', 'cancelled'), true);
    assert.equal(canTransition('scheduled', 'sending'), true);
    assert.equal(canTransition('sending', 'cancelled'), false);
    assert.equal(canTransition('sent', 'sending'), false);
    assert.equal(canTransition('cancelled', 'scheduled'), false);
    assert.equal(canTransition('failed', 'sending'), true);
  });
});

describe('block list matching', () => {
  const entry = (address: string): BlockListEntry => ({
    address,
    reason: 'spam',
    blockedBy: { id: 'a', name: 'A' },
    blockedAt: '2026-01-01T00:00:00.000Z',
  });
  it('matches exact addresses and whole domains, not lookalikes', () => {
    assert.equal(blockMatches(entry('ofertas@promo.example'), 'Ofertas@Promo.example'), true);
    assert.equal(blockMatches(entry('@phishing.example'), 'x@phishing.example'), true);
    assert.equal(blockMatches(entry('@phishing.example'), 'x@notphishing.example'), false);
  });
});

describe('block-list keys', () => {
  it('accepts addresses and @domains, nothing else', async () => {
    const { isValidBlockKey } = await import('../../src/model/index.js');
    for (const ok of ['spam@promo.example', '@phishing.example', '@mail.co.uk'])
      assert.equal(isValidBlockKey(ok), true, ok);
    for (const bad of ['', '@', 'phishing.example', '@phishing', 'a b@x.com', '@-x.com'])
      assert.equal(isValidBlockKey(bad), false, bad);
  });
});
