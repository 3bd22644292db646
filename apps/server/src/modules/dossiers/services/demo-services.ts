import type { ServiceDefinition } from './service-definition.ts';
import { BIRTH_REGISTRATION, BIRTH_REGISTRATION_SAMPLE } from './demo/birth-registration.ts';
import { CIVIL_STATUS_EXTRACT_COPY, CIVIL_STATUS_EXTRACT_COPY_SAMPLE } from './demo/civil-status-extract.ts';
import { CONSTRUCTION_PERMIT, CONSTRUCTION_PERMIT_SAMPLE } from './demo/construction-permit.ts';
import { HOUSEHOLD_BUSINESS, HOUSEHOLD_BUSINESS_SAMPLE } from './demo/household-business.ts';
import { PERMANENT_RESIDENCE, PERMANENT_RESIDENCE_SAMPLE } from './demo/permanent-residence.ts';

// The five services of the demo installation, each a real procedure of the national catalogue
// (data/vn-tthc-catalog, crawl of 2026-07) enabled for a demo agency (agencies/demo-agencies.ts).
// Codes, names, documents, fees, time limits and results are the catalogue's; document names are
// quoted from its "thành phần hồ sơ" text. Where the catalogue says nothing or is ambiguous, the value
// is a configuration choice of this demo and the comment says so ("Configuration:").
//
// Documents: the catalogue's count cell gives the copy type — any original ("N bản chính") makes it
// 'original' (uploaded as a scan, shown at pickup), only copies ("0 bản chính,1 bản sao") 'copy'.
// Documents only to be shown (xuất trình) when data cannot be read from the national databases are
// conditional uploads, since an online applicant cannot show anything; identity papers are not
// listed, as the online applicant is identified by VNeID.
//
// One file per service under demo/; the shared form building blocks, document helpers and agency
// codes are in demo/form-fields.ts.

/** The five demo services, in the order the issue lists them. */
export const DEMO_SERVICES: readonly ServiceDefinition[] = [
  BIRTH_REGISTRATION,
  PERMANENT_RESIDENCE,
  CIVIL_STATUS_EXTRACT_COPY,
  HOUSEHOLD_BUSINESS,
  CONSTRUCTION_PERMIT,
];

// ---------------------------------------------------------------------------------------------
// One valid form per service, with synthetic people (never real ones), for tests and demos.

export const DEMO_FORM_SAMPLES: Readonly<Record<string, Record<string, unknown>>> = {
  '1.001193': BIRTH_REGISTRATION_SAMPLE,
  '1.004222': PERMANENT_RESIDENCE_SAMPLE,
  '2.000635': CIVIL_STATUS_EXTRACT_COPY_SAMPLE,
  '1.001612': HOUSEHOLD_BUSINESS_SAMPLE,
  '1.013225': CONSTRUCTION_PERMIT_SAMPLE,
};
