import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { DEMO_AGENCIES } from '../../agencies/index.ts';
import { DEMO_FORM_SAMPLES, DEMO_SERVICES } from './demo-services.ts';
import {
  WORKING_HOURS_PER_DAY,
  allotmentHours,
  checkServiceDefinition,
  createFormAjv,
  formIssues,
  plannedHours,
  type ServiceDefinition,
} from './service-definition.ts';

const CATALOGUE = fileURLToPath(new URL('../../../../../../data/vn-tthc-catalog/tthc_national_catalog_2026-07.jsonl.gz', import.meta.url));

type CatalogueRecord = Record<string, string>;

const catalogue: ReadonlyMap<string, CatalogueRecord> = new Map(
  gunzipSync(readFileSync(CATALOGUE))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CatalogueRecord)
    .map((record) => [record.ma_thu_tuc ?? '', record]),
);

/** Compares catalogue text the way its parser does: NFC, invisible characters dropped, spaces collapsed. */
const squash = (text: string) =>
  text
    .normalize('NFC')
    .replace(/[\u200b-\u200d\u2060\u00ad\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const loose = (text: string) => squash(text).toLocaleLowerCase('vi');

function recordOf(service: ServiceDefinition): CatalogueRecord {
  const record = catalogue.get(service.procedureCode);
  assert.ok(record, `${service.procedureCode} is in the catalogue`);
  return record;
}

const clone = <T>(value: T): T => structuredClone(value);
const sampleOf = (service: ServiceDefinition) => {
  const sample = DEMO_FORM_SAMPLES[service.procedureCode];
  assert.ok(sample, `a sample form for ${service.procedureCode}`);
  return clone(sample);
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Paths (property names) in `data` whose schema property matches `test`, depth first. */
function pathsWhere(schema: Json, data: Json, test: (property: Json) => boolean, prefix: string[] = []): string[][] {
  const found: string[][] = [];
  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const [name, property] of Object.entries(properties)) {
    if (!isObject(property) || !(name in data)) continue;
    if (test(property)) found.push([...prefix, name]);
    const value = data[name];
    if (property.type === 'object' && isObject(value)) found.push(...pathsWhere(property, value, test, [...prefix, name]));
  }
  return found;
}

function setAt(data: Json, path: readonly string[], value: unknown): void {
  const last = path[path.length - 1] as string;
  let node: Json = data;
  for (const key of path.slice(0, -1)) node = node[key] as Json;
  node[last] = value;
}

const formAjv = createFormAjv();
const validatorOf = (service: ServiceDefinition) => formAjv.compile(service.form.schema);

describe('demo services', () => {
  it('are the five services the issue names, one per procedure', () => {
    assert.equal(DEMO_SERVICES.length, 5);
    assert.deepEqual(
      DEMO_SERVICES.map((service) => service.procedureCode),
      ['1.001193', '1.004222', '2.000635', '1.001612', '1.013225'],
    );
  });

  for (const service of DEMO_SERVICES) {
    describe(`${service.procedureCode} ${service.name.slice(0, 60)}`, () => {
      it('passes checkServiceDefinition (zod, Ajv 2020 strict compile, UI labels)', () => {
        const check = checkServiceDefinition(service);
        assert.ok(check.ok, check.ok ? '' : JSON.stringify(check.issues, null, 2));
        assert.deepEqual(check.definition, service);
      });

      it('names a real catalogue procedure with its catalogue name', () => {
        assert.equal(squash(service.name), squash(recordOf(service).ten_thu_tuc ?? '').replace(/^[.\s]+/, ''));
      });

      it('quotes its documents and result from the catalogue', () => {
        const record = recordOf(service);
        const documents = loose(record.thanh_phan_ho_so ?? '');
        for (const doc of service.documents) assert.ok(documents.includes(loose(doc.name)), `document "${doc.name}" is in the catalogue text`);
        assert.ok(loose(record.ket_qua_xu_ly ?? '').includes(loose(service.result.name)), 'the result is the catalogue’s');
      });

      it('takes its fee and time limit from the catalogue’s online row', () => {
        const channels = squash(recordOf(service).cach_thuc_thuc_hien ?? '');
        // The online row runs up to the next channel label glued to its time cell.
        const online = channels.slice(channels.indexOf('Trực tuyến')).split(/(?<=\S)(?:Dịch vụ bưu chính|Trực tiếp)(?=\d|Không)/u)[0] ?? '';
        const [fee] = service.fees;
        assert.ok(fee);
        if (fee.amountVnd === 0) assert.ok(online.includes('Miễn phí'), `the online row is free: ${online}`);
        else assert.ok(online.includes(`${fee.amountVnd.toLocaleString('en-US')} V`), `${fee.amountVnd} is the online fee: ${online.slice(0, 80)}`);
        const time = service.timeLimit.catalogueText;
        assert.ok(online.startsWith(`Trực tuyến${time ?? 'Không có thông tin'}`), `the online time cell is ${time ?? 'empty'}`);
      });

      it('allots its steps no more than the time limit', () => {
        const limit = service.timeLimit.workingDays * WORKING_HOURS_PER_DAY;
        assert.ok(plannedHours(service.process) <= limit, `${plannedHours(service.process)} h planned, ${limit} h allowed`);
        for (const entry of service.process.consultation) {
          const step = service.process.steps.find((candidate) => candidate.key === entry.duringStep);
          assert.ok(step && allotmentHours(entry) <= allotmentHours(step));
        }
      });

      it('has unique document codes and process keys', () => {
        const codes = service.documents.map((doc) => doc.code);
        assert.equal(new Set(codes).size, codes.length);
        const { steps, consultation, interAgency } = service.process;
        const keys = [...steps, ...consultation, ...interAgency].map((entry) => entry.key);
        assert.equal(new Set(keys).size, keys.length);
      });

      it('names only agencies the demo seeds', () => {
        const known = new Set(DEMO_AGENCIES.map((agency) => agency.code));
        const used = [
          service.agencyCode,
          service.handlingUnitCode,
          service.competentAgencyCode,
          ...service.process.steps.map((step) => step.unitCode),
          ...service.process.consultation.map((entry) => entry.unitCode),
          ...service.process.interAgency.map((entry) => entry.agencyCode),
        ];
        for (const code of used) assert.ok(known.has(code), `${code} is a demo agency or unit`);
      });

      it('accepts its sample form', () => {
        const validate = validatorOf(service);
        assert.ok(validate(sampleOf(service)), JSON.stringify(formIssues(validate.errors)));
      });

      it('refuses a form without a required field', () => {
        const validate = validatorOf(service);
        for (const field of service.form.schema.required ?? []) {
          const data = sampleOf(service);
          delete data[field];
          assert.equal(validate(data), false, `without ${field}`);
          assert.ok(formIssues(validate.errors).some((issue) => issue.path === `/${field}`), `the issue points at /${field}`);
        }
      });

      it('refuses a malformed personal ID', () => {
        const validate = validatorOf(service);
        const paths = pathsWhere(service.form.schema, sampleOf(service), (property) => property.pattern === '^[0-9]{12}$');
        assert.ok(paths.length > 0, 'the form asks for a personal ID');
        for (const bad of ['07909000112', '0790900011223', '07909000112A', '']) {
          for (const path of paths) {
            const data = sampleOf(service);
            setAt(data, path, bad);
            assert.equal(validate(data), false, `${path.join('.')} = "${bad}"`);
            assert.ok(formIssues(validate.errors).some((issue) => issue.path === `/${path.join('/')}`));
          }
        }
      });

      it('refuses an impossible or malformed date', () => {
        const validate = validatorOf(service);
        const paths = pathsWhere(service.form.schema, sampleOf(service), (property) => property.format === 'date');
        assert.ok(paths.length > 0, 'the form asks for a date');
        for (const bad of ['2026-02-30', '2025-13-01', '02/10/2026', '2026-2-3']) {
          for (const path of paths) {
            const data = sampleOf(service);
            setAt(data, path, bad);
            assert.equal(validate(data), false, `${path.join('.')} = "${bad}"`);
            assert.ok(formIssues(validate.errors).some((issue) => issue.path === `/${path.join('/')}`));
          }
        }
      });

      it('refuses fields the form does not ask for', () => {
        const validate = validatorOf(service);
        assert.equal(validate({ ...sampleOf(service), unexpected: 'x' }), false);
      });
    });
  }

  it('models who decides: the police register residence, the ward centre only receives', () => {
    const residence = DEMO_SERVICES.find((service) => service.procedureCode === '1.004222');
    assert.ok(residence);
    assert.equal(residence.agencyCode, 'H29.25747.01');
    const [leg] = residence.process.interAgency;
    assert.ok(leg?.decides);
    assert.equal(leg.agencyCode, residence.competentAgencyCode);
    assert.equal(DEMO_AGENCIES.find((unit) => unit.code === residence.competentAgencyCode)?.name, 'Công an phường Thủ Dầu Một');
  });

  it('keeps birth registration on time free, as the catalogue says', () => {
    const birth = DEMO_SERVICES.find((service) => service.procedureCode === '1.001193');
    assert.equal(birth?.fees[0]?.amountVnd, 0);
    assert.equal(birth?.timeLimit.cutoff, '15:00');
  });
});

describe('conditional form rules', () => {
  const service = (code: string) => {
    const found = DEMO_SERVICES.find((candidate) => candidate.procedureCode === code);
    assert.ok(found);
    return found;
  };

  it('birth registration: the mother is required in the ordinary case, the father when the parents are married', () => {
    const birth = service('1.001193');
    const validate = validatorOf(birth);
    const withoutMother = sampleOf(birth);
    delete withoutMother.mother;
    assert.equal(validate(withoutMother), false);
    const abandoned = sampleOf(birth);
    delete abandoned.mother;
    delete abandoned.father;
    assert.ok(validate({ ...abandoned, birthCase: 'abandoned', parentsMarried: false }), JSON.stringify(validate.errors));
    const married = sampleOf(birth);
    delete married.father;
    assert.equal(validate(married), false);
  });

  it('permanent residence: living in another’s home needs the householder and their consent', () => {
    const residence = service('1.004222');
    const validate = validatorOf(residence);
    assert.equal(validate({ ...sampleOf(residence), ownerConsent: false }), false);
    const noHouseholder = sampleOf(residence);
    delete noHouseholder.householder;
    assert.equal(validate(noHouseholder), false);
    const own = sampleOf(residence);
    delete own.householder;
    delete own.ownerConsent;
    assert.ok(validate({ ...own, basis: 'own_home' }), JSON.stringify(validate.errors));
  });

  it('civil-status extract: an organisation names itself, an individual their relationship', () => {
    const extract = service('2.000635');
    const validate = validatorOf(extract);
    assert.equal(validate({ ...sampleOf(extract), requesterKind: 'organisation' }), false);
    const individual = sampleOf(extract);
    delete individual.relationshipToSubject;
    assert.equal(validate(individual), false);
  });

  it('household business: a household names its members; the name starts with "Hộ kinh doanh"', () => {
    const business = service('1.001612');
    const validate = validatorOf(business);
    assert.equal(validate({ ...sampleOf(business), foundedBy: 'household_members' }), false);
    assert.equal(validate({ ...sampleOf(business), businessName: 'Cà phê Phú Cường' }), false);
  });

  it('construction permit: the applicant commits to the permit', () => {
    const permit = service('1.013225');
    assert.equal(validatorOf(permit)({ ...sampleOf(permit), commitment: false }), false);
  });
});

describe('checkServiceDefinition refuses', () => {
  const base = () => clone(DEMO_SERVICES[3] as ServiceDefinition);
  const issuesOf = (input: unknown) => {
    const check = checkServiceDefinition(input);
    assert.equal(check.ok, false);
    return check.ok ? [] : check.issues;
  };
  const mentions = (input: unknown, text: string) =>
    assert.ok(
      issuesOf(input).some((issue) => issue.message.includes(text)),
      `an issue mentions "${text}": ${JSON.stringify(issuesOf(input))}`,
    );

  it('steps that outlast the time limit', () => {
    const definition = base();
    definition.timeLimit.workingDays = 2;
    mentions(definition, 'more than the 16 of the time limit');
  });

  it('a parallel inter-agency leg that pushes the plan past the limit, counting only the longest leg', () => {
    const definition = clone(DEMO_SERVICES[1] as ServiceDefinition);
    const leg = definition.process.interAgency[0];
    assert.ok(leg);
    definition.process.interAgency.push({ ...leg, key: 'second-leg', decides: false, workingDays: 4 });
    assert.ok(checkServiceDefinition(definition).ok, 'a shorter parallel leg fits');
    definition.process.interAgency.push({ ...leg, key: 'third-leg', decides: false, workingDays: 6 });
    mentions(definition, 'working hours');
  });

  it('duplicate document codes', () => {
    const definition = base();
    definition.documents.push(clone(definition.documents[0] as (typeof definition.documents)[number]));
    mentions(definition, 'used twice');
  });

  it('a conditional document without its condition', () => {
    const definition = base();
    delete (definition.documents[0] as { condition?: string }).condition;
    mentions(definition, 'states its condition');
  });

  it('a media kind outside the allowed list, and a file limit above the cap', () => {
    const definition = base();
    (definition.documents[0] as { accepted: string[] }).accepted = ['exe'];
    issuesOf(definition);
    const large = base();
    (large.documents[0] as { maxBytes: number }).maxBytes = 500 * 1024 * 1024;
    issuesOf(large);
  });

  it('a process that does not start with reception or has no leader', () => {
    const definition = base();
    definition.process.steps = definition.process.steps.filter((step) => step.role !== 'leader');
    mentions(definition, 'a handler step comes before a leader step');
    const reversed = base();
    reversed.process.steps.reverse();
    mentions(reversed, 'a handler step comes before a leader step');
  });

  it('a competent agency elsewhere that no inter-agency leg lets decide', () => {
    const definition = clone(DEMO_SERVICES[1] as ServiceDefinition);
    definition.process.interAgency = [];
    mentions(definition, 'decides through an inter-agency leg');
  });

  it('a form schema Ajv refuses in strict mode', () => {
    const definition = base();
    (definition.form.schema.properties.phone as Json).minimun = 3;
    mentions(definition, 'unknown keyword');
    const untyped = base();
    (untyped.form.schema.properties as Json).phone = { minLength: 3 };
    mentions(untyped, 'strictTypes');
    const unknownFormat = base();
    (unknownFormat.form.schema.properties as Json).phone = { type: 'string', format: 'phone-vn' };
    mentions(unknownFormat, 'unknown format');
  });

  it('a form that accepts fields nobody asked for', () => {
    const definition = base();
    (definition.form.schema as Json).additionalProperties = true;
    issuesOf(definition);
  });

  it('a field without a Vietnamese label, a value without one, a stray UI node', () => {
    const definition = base();
    delete (definition.form.uiSchema.phone as Json)['ui:title'];
    mentions(definition, 'ui:title');
    const unlabelled = base();
    delete ((unlabelled.form.uiSchema.foundedBy as Json)['ui:enumLabels'] as Json).individual;
    mentions(unlabelled, 'without a label');
    const stray = base();
    stray.form.uiSchema.fax = { 'ui:title': 'Fax' };
    mentions(stray, 'fax is not a field');
    const typo = base();
    (typo.form.uiSchema.phone as Json)['ui:widgte'] = 'tel';
    mentions(typo, 'unknown ui: key');
  });

  it('a handling unit on another branch than the receiving agency', () => {
    const definition = base();
    definition.handlingUnitCode = 'H29.15';
    mentions(definition, 'handling unit');
  });

  it('anything that is not a definition', () => {
    issuesOf(null);
    issuesOf({});
    issuesOf({ ...base(), extra: true });
  });
});
