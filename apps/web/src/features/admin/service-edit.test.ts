import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { plannedHours, standardSteps, type DocumentDraft } from './service-draft.ts';
import { errorAt, insertHandlingStep, issuesBySection, locate, moveUp, newDocument, newStep, parseJsonObject, removeAt, uniqueKey, withHours, withRequirement } from './service-edit.ts';

describe('editing a service definition', () => {
  const paths: [string, Omit<ReturnType<typeof locate>, 'message'>][] = [
    ['process.steps.2.unitCode', { section: 'steps', index: 2, field: 'unitCode' }],
    ['process.steps.0', { section: 'steps', index: 0, field: null }],
    ['process', { section: 'steps', index: null, field: null }],
    ['process.consultation.1.duringStep', { section: 'steps', index: null, field: 'consultation' }],
    ['documents.3.condition', { section: 'documents', index: 3, field: 'condition' }],
    ['documents', { section: 'documents', index: null, field: null }],
    ['fees.0.amountVnd', { section: 'fees', index: 0, field: 'amountVnd' }],
    ['form.uiSchema', { section: 'form', index: null, field: 'uiSchema' }],
    ['timeLimit.workingDays', { section: 'general', index: null, field: 'timeLimit.workingDays' }],
    ['', { section: 'general', index: null, field: null }],
  ];
  for (const [path, where] of paths) it(`places an issue at "${path}" in ${where.section}`, () => assert.deepEqual(locate(path, 'm'), { ...where, message: 'm' }));

  it('sorts every issue into exactly one section (property)', () => {
    const path = fc.array(fc.oneof(fc.constantFrom('process', 'steps', 'documents', 'fees', 'form', 'name', 'unitCode'), fc.nat(5).map(String)), { maxLength: 4 }).map((parts) => parts.join('.'));
    fc.assert(
      fc.property(fc.array(fc.record({ path, message: fc.string() }), { maxLength: 20 }), (errors) => {
        const sorted = issuesBySection(errors);
        return Object.values(sorted).reduce((n, list) => n + list.length, 0) === errors.length;
      }),
    );
  });

  it('tells a field its own issues and a row its general ones', () => {
    const issues = issuesBySection([
      { path: 'process.steps.1.unitCode', message: 'bad code' },
      { path: 'process.steps.1.unitCode', message: 'not the handling unit' },
      { path: 'process.steps.0', message: 'the first step is reception' },
    ]).steps;
    assert.equal(errorAt(issues, 1, 'unitCode'), 'bad code; not the handling unit');
    assert.equal(errorAt(issues, 1, 'name'), undefined);
    assert.equal(errorAt(issues, 0), 'the first step is reception');
    assert.equal(errorAt(issues, 0, 'name'), undefined);
  });

  it('moves, removes and replaces rows without losing any (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 12 }), fc.nat(15), (list, index) => {
        const moved = moveUp(list, index);
        assert.deepEqual([...moved].sort(), [...list].sort());
        if (index > 0 && index < list.length) assert.equal(moved[index - 1], list[index]);
        assert.equal(removeAt(list, index).length, index < list.length ? list.length - 1 : list.length);
      }),
    );
  });

  it('keeps keys unique', () => {
    assert.equal(uniqueKey('xu-ly', []), 'xu-ly');
    assert.equal(uniqueKey('xu-ly', ['xu-ly', 'xu-ly-2']), 'xu-ly-3');
    const draft = { handlingUnitCode: 'H29.25747', process: { steps: standardSteps(5, 'H29.25747.01', 'H29.25747'), consultation: [{ key: 'xu-ly' }], interAgency: [] } };
    const step = newStep(draft);
    assert.equal(step.key, 'xu-ly-2');
    assert.equal(step.unitCode, 'H29.25747');
    const docs: DocumentDraft[] = [newDocument([])];
    assert.equal(newDocument(docs).code, 'giay-to-2');
  });

  it('adds a handling step before the approval, keeping reception first and return last', () => {
    const steps = insertHandlingStep(standardSteps(3, 'A', 'B'), { key: 'x', name: 'X', role: 'handler', unitCode: 'B', workingHours: 2 });
    assert.deepEqual(steps.map((s) => s.key), ['reception', 'appraisal', 'x', 'approval', 'return']);
  });

  it('counts hours, whatever the allotment was written in', () => {
    const step = { key: 'a', name: 'A', role: 'handler' as const, unitCode: 'B', workingDays: 2 };
    assert.equal(plannedHours([step]), 16);
    const edited = withHours(step, 5);
    assert.deepEqual(edited, { key: 'a', name: 'A', role: 'handler', unitCode: 'B', workingHours: 5 });
  });

  it('gives a conditional document its condition and takes it from a mandatory one', () => {
    const doc = newDocument([]);
    const conditional = withRequirement(doc, 'conditional');
    assert.equal(conditional.condition, doc.name);
    assert.equal('condition' in withRequirement(conditional, 'mandatory'), false);
  });

  const texts: [string, boolean][] = [['{"a":1}', true], ['{"a":', false], ['[1]', false], ['null', false], ['"x"', false]];
  for (const [text, ok] of texts) it(`reads ${text} as ${ok ? 'an object' : 'not one'}`, () => assert.equal(parseJsonObject(text).ok, ok));
});
