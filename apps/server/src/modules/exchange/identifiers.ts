// X-Road identifiers: {instance}/{memberClass}/{memberCode}/{subsystem}[/{service}]. Only one spelling
// of each is accepted: no percent-encoding, no case variants, no dot segments (X-Road threat model
// TM-04: identifiers that are percent-encoded or non-normalised are rejected).

const INSTANCE = /^[A-Z]{2,10}$/;
const MEMBER_CLASS = /^(GOV|COM|ORG)$/;
/** QĐ 20/2020/QĐ-TTg Art. 4: at most 35 characters of A–Z, 0–9 and '.'; no empty level. */
const MEMBER_CODE = /^[A-Z0-9]+(\.[A-Z0-9]+)*$/;
const CODE = /^[a-z0-9]+([-.][a-z0-9]+)*$/;

export type SubsystemRef = { instance: string; memberClass: string; memberCode: string; subsystem: string };
export type ServiceRef = SubsystemRef & { service: string };

export const subsystemIdOf = (ref: SubsystemRef) => `${ref.instance}/${ref.memberClass}/${ref.memberCode}/${ref.subsystem}`;
export const memberIdOf = (ref: Pick<SubsystemRef, 'instance' | 'memberClass' | 'memberCode'>) => `${ref.instance}/${ref.memberClass}/${ref.memberCode}`;
export const serviceIdOf = (ref: ServiceRef) => `${subsystemIdOf(ref)}/${ref.service}`;

export const isMemberCode = (value: string) => value.length <= 35 && MEMBER_CODE.test(value);
export const isCode = (value: string) => value.length <= 63 && CODE.test(value);

function refOf(parts: readonly string[]): SubsystemRef | undefined {
  const [instance, memberClass, memberCode, subsystem] = parts;
  if (instance === undefined || memberClass === undefined || memberCode === undefined || subsystem === undefined) return undefined;
  if (!INSTANCE.test(instance) || !MEMBER_CLASS.test(memberClass) || !isMemberCode(memberCode) || !isCode(subsystem)) return undefined;
  return { instance, memberClass, memberCode, subsystem };
}

/** `VN/GOV/H29.15/ho-tich` (the X-Road-Client header), or undefined when it is not exactly that form. */
export function parseSubsystemId(value: string): SubsystemRef | undefined {
  const parts = value.split('/');
  return parts.length === 4 ? refOf(parts) : undefined;
}

/** `VN/GOV/H29.15/ho-tich/birth-record`, or undefined. */
export function parseServiceId(value: string): ServiceRef | undefined {
  const parts = value.split('/');
  const ref = parts.length === 5 ? refOf(parts) : undefined;
  const service = parts[4];
  return ref && service !== undefined && isCode(service) ? { ...ref, service } : undefined;
}

const REST_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * The raw request target `/r1/{instance}/{class}/{member}/{subsystem}/{service}[/rest][?query]`, split
 * without decoding: the service, the rest of the path for the provider, and the raw query.
 */
export function parseMessagePath(rawUrl: string): { service: ServiceRef; rest: string; query: string } | undefined {
  const questionMark = rawUrl.indexOf('?');
  const path = questionMark === -1 ? rawUrl : rawUrl.slice(0, questionMark);
  const query = questionMark === -1 ? '' : rawUrl.slice(questionMark + 1);
  const segments = path.split('/');
  if (segments[0] !== '' || segments[1] !== 'r1') return undefined;
  const service = parseServiceId(segments.slice(2, 7).join('/'));
  if (!service || segments.length < 7) return undefined;
  const rest = segments.slice(7);
  if (rest.some((segment) => !REST_SEGMENT.test(segment) || segment === '.' || segment === '..')) return undefined;
  return { service, rest: rest.length === 0 ? '' : `/${rest.join('/')}`, query };
}
