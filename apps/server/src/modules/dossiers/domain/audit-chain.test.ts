import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { append, canonicalJson, EMPTY_HEAD, verifyChain, type AuditEntry, type ChainedEntry, type ChainHead } from './audit-chain.ts';

const entryArb = fc.record({
  at: fc.date({ min: new Date('2025-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  actor: fc.record({ kind: fc.constantFrom('citizen', 'official', 'system'), id: fc.uuid(), role: fc.constantFrom(null, 'receptionist', 'handler', 'leader') }),
  action: fc.constantFrom('submit', 'receive', 'forward', 'propose', 'approve', 'return_result'),
  from: fc.constantFrom(null, 'draft', 'submitted', 'received'),
  to: fc.constantFrom('submitted', 'received', 'handling', 'approved'),
  reason: fc.constantFrom(null, 'Thiếu bản sao', 'Không thuộc thẩm quyền'),
});

function build(entries: Omit<AuditEntry, 'seq'>[]): { rows: ChainedEntry[]; head: ChainHead } {
  let head = EMPTY_HEAD;
  const rows: ChainedEntry[] = [];
  for (const entry of entries) {
    const next = append(head, entry);
    rows.push(next.row);
    head = next.head;
  }
  return { rows, head };
}

describe('audit hash chain', () => {
  it('hashes canonical JSON: key order does not matter, values do', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } }), '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
  });

  it('verifies an untouched chain, and an empty one', () => {
    fc.assert(fc.property(fc.array(entryArb, { maxLength: 20 }), (entries) => {
      const { rows, head } = build(entries);
      assert.deepEqual(verifyChain(rows, head), { ok: true });
    }));
    assert.deepEqual(verifyChain([], EMPTY_HEAD), { ok: true });
  });

  it('detects an edited entry, wherever it is (property)', () => {
    fc.assert(fc.property(fc.array(entryArb, { minLength: 1, maxLength: 20 }), fc.nat(), fc.constantFrom('reason', 'to', 'at', 'actor'), (entries, pick, field) => {
      const { rows, head } = build(entries);
      const index = pick % rows.length;
      const row = rows[index] as ChainedEntry;
      const edited = { ...row.entry, [field]: field === 'actor' ? { ...row.entry.actor, id: 'someone-else' } : `${String(row.entry[field as 'reason'])}*` } as AuditEntry;
      const tampered = rows.map((r, i) => (i === index ? { ...r, entry: edited } : r));
      assert.deepEqual(verifyChain(tampered, head), { ok: false, index, problem: 'hash' });
    }));
  });

  it('detects a deleted entry, including the last one (property)', () => {
    fc.assert(fc.property(fc.array(entryArb, { minLength: 1, maxLength: 20 }), fc.nat(), (entries, pick) => {
      const { rows, head } = build(entries);
      const index = pick % rows.length;
      const verdict = verifyChain(rows.filter((_, i) => i !== index), head);
      assert.equal(verdict.ok, false);
    }));
  });

  it('detects reordered entries (property)', () => {
    fc.assert(fc.property(fc.array(entryArb, { minLength: 2, maxLength: 20 }), fc.nat(), fc.nat(), (entries, a, b) => {
      const { rows, head } = build(entries);
      const [i, j] = [a % rows.length, b % rows.length];
      fc.pre(i !== j);
      const swapped = [...rows];
      [swapped[i], swapped[j]] = [swapped[j] as ChainedEntry, swapped[i] as ChainedEntry];
      assert.equal(verifyChain(swapped, head).ok, false);
    }));
  });

  it('detects a forged entry re-linked and re-hashed in the middle, by the chain after it or the head', () => {
    fc.assert(fc.property(fc.array(entryArb, { minLength: 2, maxLength: 20 }), fc.nat(), (entries, pick) => {
      const { rows, head } = build(entries);
      const index = pick % rows.length;
      const original = rows[index] as ChainedEntry;
      const forged = append({ count: index, lastHash: original.prevHash }, { ...original.entry, reason: 'sửa lại' }).row;
      const tampered = rows.map((r, i) => (i === index ? forged : r));
      assert.equal(verifyChain(tampered, head).ok, false);
    }));
  });
});
