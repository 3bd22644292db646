import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { DomainError, invalid, notFound } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import type { MandateHeld } from './access-policy.ts';
import { checkEnterpriseCode } from './enterprise-code.ts';
import { account, business, mandate } from './identity.schema.ts';
import { LEGAL_REPRESENTATIVE_SCOPES, MANDATE_SCOPES, type MandateScope } from './roles.ts';

/** The business registry as identity needs it (port; the registries module provides it). */
export type BusinessRegistry = {
  findEnterprise(code: string): Promise<{ enterpriseCode: string; name: string; legalRepresentativeId: string; status: 'active' | 'suspended' | 'dissolved' } | undefined>;
};

/** Who is acting: an account and its personal ID (from the access token). */
export type Person = { accountId: string; personalId: string; assuranceLevel: number };

export type MandateView = { id: string; principalKind: 'business' | 'citizen'; principalId: string; agentPersonalId: string; agentName: string; scope: MandateScope[]; validFrom: string; validUntil: string; revoked: boolean };
export type NewMandate = { agentPersonalId: string; scope: MandateScope[]; validFrom: string; validUntil: string };
/** Someone the person may act for today; `validUntil` is null when it does not end (oneself, a represented business). */
export type PrincipalView = { kind: 'self' | 'business' | 'citizen'; id: string; name: string; scope: MandateScope[]; validUntil: string | null; legalRepresentative: boolean };

const BUSINESS_NOT_FOUND = { vi: 'Không tìm thấy doanh nghiệp.', en: 'Business not found.' };
const notRepresentative = () => notFound('identity.business_not_found', BUSINESS_NOT_FOUND);

/** Mandates held by the agent on `today` (inclusive dates), not revoked. */
const heldOn = (agentAccountId: string, today: string) =>
  and(eq(mandate.agentAccountId, agentAccountId), isNull(mandate.revokedAt), lte(mandate.validFrom, today), gte(mandate.validUntil, today));

/**
 * One entry per principal from what reaches it (representation, mandates): the union of their scopes,
 * valid until the last day on which all of that union is still held (each scope lasts as long as the
 * longest grant that names it; null = no end).
 */
function mergeReach(entries: { kind: 'business' | 'citizen'; id: string; name: string; scope: readonly MandateScope[]; validUntil: string | null; legalRepresentative: boolean }[]): (PrincipalView & { kind: 'business' | 'citizen' })[] {
  const merged = new Map<string, { kind: 'business' | 'citizen'; id: string; name: string; legalRepresentative: boolean; until: Map<MandateScope, string | null> }>();
  for (const entry of entries) {
    const key = `${entry.kind}:${entry.id}`;
    const found = merged.get(key) ?? { kind: entry.kind, id: entry.id, name: entry.name, legalRepresentative: false, until: new Map<MandateScope, string | null>() };
    merged.set(key, found);
    found.legalRepresentative ||= entry.legalRepresentative;
    for (const scope of entry.scope) {
      const held = found.until.get(scope);
      if (held === null) continue;
      found.until.set(scope, entry.validUntil === null || held === undefined || entry.validUntil > held ? entry.validUntil : held);
    }
  }
  return [...merged.values()].filter((principal) => principal.until.size > 0).map(({ until, ...principal }) => {
    const ends = [...until.values()];
    const validUntil = ends.includes(null) ? null : (ends as string[]).reduce((a, b) => (b < a ? b : a));
    return { ...principal, scope: [...until.keys()], validUntil };
  });
}

/**
 * Business accounts and mandates (ủy quyền). A business account is opened by its legal
 * representative, confirmed against the business registry; the representative may then mandate other
 * citizens for a scope and a period. Mandates between citizens work the same way.
 */
export function createBusinesses(deps: { db: Executor; registry: BusinessRegistry; today: () => string }) {
  const { db } = deps;

  /** Principals the person may act for, and how far, today: represented businesses plus valid mandates. */
  async function mandatesHeld(accountId: string): Promise<MandateHeld[]> {
    const today = deps.today();
    const [represented, granted] = await Promise.all([
      db.select({ code: business.enterpriseCode }).from(business).where(eq(business.legalRepresentativeId, accountId)),
      db.select().from(mandate).where(heldOn(accountId, today)),
    ]);
    return [
      ...represented.map((row) => ({ principalId: row.code, from: '0000-01-01', until: '9999-12-31', scope: LEGAL_REPRESENTATIVE_SCOPES })),
      ...granted.map((row) => ({ principalId: row.principalId, from: row.validFrom, until: row.validUntil, scope: row.scope as MandateScope[] })),
    ];
  }

  /** Whom the person may act for today: themself, then businesses, then citizens, each by name. */
  async function principalsOf(person: Person): Promise<PrincipalView[]> {
    const [self, represented, granted] = await Promise.all([
      db.select({ name: account.fullName }).from(account).where(eq(account.id, person.accountId)).limit(1),
      db.select({ id: business.enterpriseCode, name: business.name }).from(business).where(eq(business.legalRepresentativeId, person.accountId)),
      db
        .select({ kind: mandate.principalKind, id: mandate.principalId, scope: mandate.scope, validUntil: mandate.validUntil, businessName: business.name, citizenName: account.fullName })
        .from(mandate)
        .leftJoin(business, and(eq(mandate.principalKind, 'business'), eq(business.enterpriseCode, mandate.principalId)))
        .leftJoin(account, and(eq(mandate.principalKind, 'citizen'), eq(account.personalId, mandate.principalId)))
        .where(heldOn(person.accountId, deps.today()))
        .orderBy(asc(mandate.createdAt), asc(mandate.id)),
    ]);
    const others = mergeReach([
      ...represented.map((row) => ({ kind: 'business' as const, id: row.id, name: row.name, scope: LEGAL_REPRESENTATIVE_SCOPES, validUntil: null, legalRepresentative: true })),
      ...granted
        .filter((row) => !(row.kind === 'citizen' && row.id === person.personalId))
        .map((row) => ({ kind: row.kind, id: row.id, name: row.businessName ?? row.citizenName ?? row.id, scope: row.scope as MandateScope[], validUntil: row.validUntil, legalRepresentative: false })),
    ]);
    const kindRank = { business: 0, citizen: 1 };
    others.sort((a, b) => kindRank[a.kind] - kindRank[b.kind] || a.name.localeCompare(b.name, 'vi') || a.id.localeCompare(b.id));
    const me: PrincipalView = { kind: 'self', id: person.personalId, name: self[0]?.name ?? person.personalId, scope: [...MANDATE_SCOPES], validUntil: null, legalRepresentative: false };
    return [me, ...others];
  }

  async function requireRepresentative(person: Person, enterpriseCode: string) {
    const rows = await db.select().from(business).where(eq(business.enterpriseCode, enterpriseCode)).limit(1);
    const found = rows[0];
    if (!found || found.legalRepresentativeId !== person.accountId) throw notRepresentative();
    return found;
  }

  async function mandateViews(where: ReturnType<typeof and>): Promise<MandateView[]> {
    const rows = await db
      .select({ m: mandate, agentPersonalId: account.personalId, agentName: account.fullName })
      .from(mandate)
      .innerJoin(account, eq(account.id, mandate.agentAccountId))
      .where(where)
      .orderBy(asc(mandate.createdAt));
    return rows.map(({ m, agentPersonalId, agentName }) => ({
      id: m.id, principalKind: m.principalKind, principalId: m.principalId, agentPersonalId, agentName,
      scope: m.scope as MandateScope[], validFrom: m.validFrom, validUntil: m.validUntil, revoked: m.revokedAt !== null,
    }));
  }

  async function grant(person: Person, principal: { kind: 'business' | 'citizen'; id: string }, input: NewMandate): Promise<MandateView> {
    const unknownScope = input.scope.filter((s) => !(MANDATE_SCOPES as readonly string[]).includes(s));
    if (input.scope.length === 0 || unknownScope.length > 0) {
      throw invalid('identity.invalid_mandate_scope', { vi: 'Phạm vi ủy quyền không hợp lệ.', en: 'Invalid mandate scope.' }, { allowed: MANDATE_SCOPES });
    }
    if (input.validUntil < input.validFrom || input.validUntil < deps.today()) {
      throw invalid('identity.invalid_mandate_period', { vi: 'Thời hạn ủy quyền không hợp lệ (ngày kết thúc trước ngày bắt đầu hoặc đã qua).', en: 'Invalid mandate period (ends before it starts, or already ended).' });
    }
    const agents = await db.select().from(account).where(eq(account.personalId, input.agentPersonalId)).limit(1);
    const agent = agents[0];
    if (!agent) {
      throw new DomainError('unprocessable', 'identity.agent_not_found', { vi: 'Người được ủy quyền chưa có tài khoản.', en: 'The agent has no account.' });
    }
    if (agent.id === person.accountId) {
      throw invalid('identity.mandate_to_self', { vi: 'Không thể tự ủy quyền cho chính mình.', en: 'A mandate cannot name yourself.' });
    }
    const row = { id: uuidv7(), principalKind: principal.kind, principalId: principal.id, agentAccountId: agent.id, scope: input.scope, validFrom: input.validFrom, validUntil: input.validUntil, grantedBy: person.accountId };
    await db.insert(mandate).values(row);
    return { id: row.id, principalKind: row.principalKind, principalId: row.principalId, agentPersonalId: agent.personalId, agentName: agent.fullName, scope: row.scope, validFrom: row.validFrom, validUntil: row.validUntil, revoked: false };
  }

  async function revoke(principal: { kind: 'business' | 'citizen'; id: string }, mandateId: string): Promise<void> {
    const updated = await db
      .update(mandate)
      .set({ revokedAt: new Date() })
      .where(and(eq(mandate.id, mandateId), eq(mandate.principalKind, principal.kind), eq(mandate.principalId, principal.id), isNull(mandate.revokedAt)))
      .returning({ id: mandate.id });
    if (updated.length === 0) throw notFound('identity.mandate_not_found', { vi: 'Không tìm thấy giấy ủy quyền.', en: 'Mandate not found.' });
  }

  return {
    mandatesHeld,
    principalsOf,

    /** Opens a business account: the caller must be its legal representative in the registry (level 2). */
    async register(person: Person, enterpriseCode: string) {
      const check = checkEnterpriseCode(enterpriseCode);
      if (!check.valid) {
        throw invalid('identity.invalid_enterprise_code', { vi: 'Mã số doanh nghiệp không hợp lệ.', en: 'Invalid enterprise code.' }, { problem: check.problem });
      }
      if (person.assuranceLevel < 2) {
        throw new DomainError('forbidden', 'identity.assurance_too_low', { vi: 'Cần tài khoản định danh mức 2 để đăng ký doanh nghiệp.', en: 'A level-2 account is required to register a business.' });
      }
      const registered = await deps.registry.findEnterprise(enterpriseCode);
      if (!registered || registered.status === 'dissolved' || registered.legalRepresentativeId !== person.personalId) {
        throw new DomainError('unprocessable', 'identity.not_legal_representative', {
          vi: 'Cơ sở dữ liệu đăng ký doanh nghiệp không ghi nhận bạn là người đại diện theo pháp luật của doanh nghiệp đang hoạt động này.',
          en: 'The business registry does not record you as the legal representative of this active business.',
        });
      }
      const inserted = await db.insert(business).values({ enterpriseCode, name: registered.name, legalRepresentativeId: person.accountId }).onConflictDoNothing().returning();
      if (!inserted[0]) throw new DomainError('conflict', 'identity.business_exists', { vi: 'Doanh nghiệp đã có tài khoản.', en: 'The business already has an account.' });
      return { enterpriseCode, name: registered.name, legalRepresentative: true };
    },

    /** A business the person represents or holds a mandate for; otherwise 404, as if unknown. */
    async get(person: Person, enterpriseCode: string) {
      const rows = await db.select().from(business).where(eq(business.enterpriseCode, enterpriseCode)).limit(1);
      const found = rows[0];
      if (!found) throw notRepresentative();
      const legalRepresentative = found.legalRepresentativeId === person.accountId;
      if (!legalRepresentative && !(await mandatesHeld(person.accountId)).some((m) => m.principalId === enterpriseCode)) throw notRepresentative();
      return { enterpriseCode: found.enterpriseCode, name: found.name, legalRepresentative };
    },

    async grantForBusiness(person: Person, enterpriseCode: string, input: NewMandate) {
      await requireRepresentative(person, enterpriseCode);
      return grant(person, { kind: 'business', id: enterpriseCode }, input);
    },
    async listForBusiness(person: Person, enterpriseCode: string) {
      await requireRepresentative(person, enterpriseCode);
      return mandateViews(and(eq(mandate.principalKind, 'business'), eq(mandate.principalId, enterpriseCode)));
    },
    async revokeForBusiness(person: Person, enterpriseCode: string, mandateId: string) {
      await requireRepresentative(person, enterpriseCode);
      await revoke({ kind: 'business', id: enterpriseCode }, mandateId);
    },

    /** A citizen mandates another citizen (e.g. to submit a dossier on their behalf). */
    grantForSelf: (person: Person, input: NewMandate) => grant(person, { kind: 'citizen', id: person.personalId }, input),
    revokeForSelf: (person: Person, mandateId: string) => revoke({ kind: 'citizen', id: person.personalId }, mandateId),

    /** Mandates the person granted as a citizen, and those granted to them. */
    async listOfPerson(person: Person) {
      return mandateViews(or(and(eq(mandate.principalKind, 'citizen'), eq(mandate.principalId, person.personalId)), eq(mandate.agentAccountId, person.accountId)));
    },
  };
}

export type Businesses = ReturnType<typeof createBusinesses>;
