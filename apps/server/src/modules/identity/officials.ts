import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../kernel/db/database.ts';
import { DomainError, invalid, notFound } from '../../kernel/errors.ts';
import type { AccountRow, Accounts, NewCitizen } from './accounts.ts';
import { decide, type Actor } from './access-policy.ts';
import { account } from './identity.schema.ts';
import { PLATFORM_ROLES, ROLES, type Role } from './roles.ts';

/** Tells whether an agency exists (port onto the agencies module, wired by the composition root). */
export type AgencyDirectory = { exists(code: string): Promise<boolean> };

export type OfficialPost = { agencyCode: string; unitCode: string | null; roles: Role[] };
export type OfficialView = { id: string; personalId: string; fullName: string; email: string | null; agencyCode: string; unitCode: string | null; roles: Role[]; secondFactor: boolean; disabled: boolean };

const OFFICIAL_NOT_FOUND = { vi: 'Không tìm thấy cán bộ.', en: 'Official not found.' };

export function toOfficialView(row: AccountRow, hasPasskey = false): OfficialView {
  return {
    id: row.id,
    personalId: row.personalId,
    fullName: row.fullName,
    email: row.email,
    agencyCode: row.agencyCode ?? '',
    unitCode: row.unitCode,
    roles: row.roles as Role[],
    secondFactor: row.totpEnabledAt !== null || hasPasskey,
    disabled: row.disabledAt !== null,
  };
}

function checkPost(post: OfficialPost): void {
  const unknown = post.roles.filter((role) => !(role in ROLES));
  if (unknown.length > 0 || post.roles.length === 0) {
    throw invalid('identity.invalid_roles', { vi: 'Vai trò không hợp lệ hoặc bị bỏ trống.', en: 'Unknown or missing roles.' }, { unknown });
  }
  // A unit is a part of the agency: its code extends the agency's (QĐ 20/2020 Art. 4).
  if (post.unitCode !== null && !post.unitCode.startsWith(`${post.agencyCode}.`)) {
    throw invalid('identity.invalid_unit', { vi: 'Đơn vị phải thuộc cơ quan (mã đơn vị bắt đầu bằng mã cơ quan).', en: 'The unit must belong to the agency (its code starts with the agency code).' });
  }
}

/**
 * Officials (cán bộ, công chức): accounts with a post in an agency. Who may appoint whom is the
 * access policy's answer for `officials:manage` on the target agency; system administrators alone
 * grant platform-wide roles.
 */
export function createOfficials(deps: { db: Executor; accounts: Accounts; agencies: AgencyDirectory; today: () => string }) {
  const { db } = deps;

  async function authorise(actor: Actor, post: Pick<OfficialPost, 'agencyCode' | 'unitCode'>, roles: readonly Role[]): Promise<void> {
    const decision = decide(actor, 'officials:manage', { agencyCode: post.agencyCode, unitCode: post.unitCode }, deps.today());
    if (decision === 'hidden') throw notFound('agencies.not_found', { vi: 'Không tìm thấy cơ quan.', en: 'Agency not found.' });
    if (decision === 'forbidden') throw new DomainError('forbidden', 'auth.forbidden', { vi: 'Bạn không có quyền quản lý cán bộ.', en: 'You may not manage officials.' });
    const platformWide = actor.kind === 'official' && actor.roles.includes('system_admin');
    if (!platformWide && roles.some((role) => PLATFORM_ROLES.includes(role))) {
      throw new DomainError('forbidden', 'identity.role_not_grantable', { vi: 'Chỉ quản trị hệ thống được cấp vai trò này.', en: 'Only a system administrator may grant this role.' });
    }
    if (!(await deps.agencies.exists(post.agencyCode))) {
      throw notFound('agencies.not_found', { vi: 'Không tìm thấy cơ quan.', en: 'Agency not found.' });
    }
  }

  async function findInScope(actor: Actor, id: string): Promise<AccountRow> {
    const rows = await db.select().from(account).where(eq(account.id, id)).limit(1);
    const row = rows[0];
    // An official outside the actor's reach answers like one that does not exist.
    if (!row?.agencyCode || decide(actor, 'officials:manage', { agencyCode: row.agencyCode, unitCode: row.unitCode }, deps.today()) !== 'allowed') {
      throw notFound('identity.official_not_found', OFFICIAL_NOT_FOUND);
    }
    return row;
  }

  return {
    /**
     * Appoints a person to a post. An existing account (the person registered as a citizen) gets the
     * post; otherwise an account is created with the initial password given.
     */
    async appoint(actor: Actor, person: NewCitizen, post: OfficialPost): Promise<OfficialView> {
      checkPost(post);
      await authorise(actor, post, post.roles);
      const existing = await deps.accounts.findByPersonalId(person.personalId);
      if (existing?.agencyCode && existing.agencyCode !== post.agencyCode) {
        throw new DomainError('conflict', 'identity.official_elsewhere', { vi: 'Người này đang là cán bộ của cơ quan khác.', en: 'This person is an official of another agency.' });
      }
      const target = existing ?? (await deps.accounts.registerCitizen(person));
      const updated = await db
        .update(account)
        .set({ kind: 'official', agencyCode: post.agencyCode, unitCode: post.unitCode, roles: post.roles, updatedAt: new Date() })
        .where(eq(account.id, target.id))
        .returning();
      return toOfficialView(updated[0] as AccountRow);
    },

    async get(actor: Actor, id: string): Promise<OfficialView> {
      return toOfficialView(await findInScope(actor, id));
    },

    async list(actor: Actor, agencyCode: string): Promise<OfficialView[]> {
      const decision = decide(actor, 'officials:manage', { agencyCode, unitCode: null }, deps.today());
      if (decision !== 'allowed') throw notFound('agencies.not_found', { vi: 'Không tìm thấy cơ quan.', en: 'Agency not found.' });
      const rows = await db.select().from(account).where(and(eq(account.kind, 'official'), eq(account.agencyCode, agencyCode))).orderBy(asc(account.fullName)).limit(1000);
      return rows.map((row) => toOfficialView(row));
    },

    /** Changes an official's roles and unit (a sensitive action: the route asks for a recent login). */
    async changePost(actor: Actor, id: string, change: { unitCode: string | null; roles: Role[] }): Promise<OfficialView> {
      const row = await findInScope(actor, id);
      const post = { agencyCode: row.agencyCode ?? '', unitCode: change.unitCode, roles: change.roles };
      checkPost(post);
      await authorise(actor, post, [...change.roles, ...(row.roles as Role[])]);
      const updated = await db.update(account).set({ unitCode: change.unitCode, roles: change.roles, updatedAt: new Date() }).where(eq(account.id, id)).returning();
      return toOfficialView(updated[0] as AccountRow);
    },

    /** Ends a post: the account remains the person's citizen account. */
    async dismiss(actor: Actor, id: string): Promise<void> {
      const row = await findInScope(actor, id);
      await authorise(actor, { agencyCode: row.agencyCode ?? '', unitCode: row.unitCode }, row.roles as Role[]);
      await db.update(account).set({ kind: 'citizen', agencyCode: null, unitCode: null, roles: [], updatedAt: new Date() }).where(eq(account.id, id));
    },
  };
}

export type Officials = ReturnType<typeof createOfficials>;
