import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { labelOf, mergePrefilled, titleAt, toExtraErrors, toRjsfUiSchema } from './form-schema.ts';

describe('service form → react-jsonschema-form', () => {
  const schema = { type: 'object', properties: { child: { type: 'object', properties: { sex: { type: 'string', enum: ['male', 'female'] }, dateOfBirth: { type: 'string', format: 'date' } } } } };
  const ui = { 'ui:title': 'Tờ khai', child: { 'ui:title': 'Người được khai sinh', sex: { 'ui:title': 'Giới tính', 'ui:widget': 'radio', 'ui:enumLabels': { male: 'Nam', female: 'Nữ' } }, dateOfBirth: { 'ui:title': 'Ngày sinh', 'ui:widget': 'date' } } };

  it('turns enum labels into option names in enum order, and dates into the browser’s date input', () => {
    assert.deepEqual(toRjsfUiSchema(schema, ui), {
      'ui:title': 'Tờ khai',
      child: {
        'ui:title': 'Người được khai sinh',
        sex: { 'ui:title': 'Giới tính', 'ui:widget': 'radio', 'ui:enumNames': ['Nam', 'Nữ'] },
        dateOfBirth: { 'ui:title': 'Ngày sinh', 'ui:widget': 'text', 'ui:options': { inputType: 'date' } },
      },
    });
  });

  it('names fields and values for the review page', () => {
    assert.equal(titleAt(ui, ['child', 'dateOfBirth']), 'Ngày sinh');
    assert.equal(labelOf(ui, ['child', 'sex'], 'female'), 'Nữ');
    assert.equal(labelOf(ui, ['child', 'sex'], 'other'), 'other');
  });

  it('puts the server’s errors next to their fields', () => {
    assert.deepEqual(toExtraErrors([{ path: '/child/dateOfBirth', message: 'sai' }, { path: '/child/dateOfBirth', message: 'muộn' }, { path: '', message: 'chung' }]), {
      child: { dateOfBirth: { __errors: ['sai', 'muộn'] } },
      __errors: ['chung'],
    });
  });

  it('merges the server’s prefilled fields into what the person typed meanwhile, never over it', () => {
    const typed = { declarant: { fullName: 'Tên tôi gõ', phone: '0901234567' }, child: { fullName: 'Bé Na' } };
    const filled = { declarant: { fullName: 'NGUYỄN VĂN THỬ NGHIỆM', personalId: '079099000123' } };
    assert.deepEqual(mergePrefilled(typed, filled, ['/declarant/fullName', '/declarant/personalId']), {
      declarant: { fullName: 'Tên tôi gõ', phone: '0901234567', personalId: '079099000123' },
      child: { fullName: 'Bé Na' },
    });
    assert.deepEqual(mergePrefilled({ declarant: { fullName: '' } }, filled, ['/declarant/fullName']), { declarant: { fullName: 'NGUYỄN VĂN THỬ NGHIỆM' } }, 'an emptied field takes the registry value');
    assert.deepEqual(mergePrefilled({}, {}, ['/declarant/fullName']), {}, 'nothing filled, nothing added');
  });
});
