// The ports other modules use to consult the national registries. Today the synthetic stand-in in
// this module implements them; the adapters to the real registries (through the national data
// sharing platform, NDXP, Nghị định 47/2020/NĐ-CP) will implement the same types, so callers such as
// identity's level-2 verification do not change.

export type Sex = 'male' | 'female';

/** What a citizen declared about themself, to be checked against the population registry. */
export type ResidentClaim = Readonly<{
  /** Số định danh cá nhân, 12 digits. */
  personalId: string;
  /** Họ và tên as on the citizen's identity card. */
  fullName: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** Checked only when given. */
  sex?: Sex;
}>;

export type ResidentField = 'fullName' | 'birthDate' | 'sex';

/**
 * The answer to a claim: match or mismatch per field, never the registry's own values, so a caller
 * (or someone guessing through it) learns nothing beyond whether what they already hold is right.
 */
export type ResidentVerification = Readonly<{
  outcome: 'match' | 'mismatch' | 'not_found';
  /** The fields that differ, in the order fullName, birthDate, sex; empty unless outcome is mismatch. */
  mismatched: ResidentField[];
}>;

/** Cơ sở dữ liệu quốc gia về dân cư (national population database). */
export type PopulationRegistry = Readonly<{
  verifyResident(claim: ResidentClaim): Promise<ResidentVerification>;
}>;

/** Đang hoạt động, tạm ngừng kinh doanh, đã giải thể. */
export type EnterpriseStatus = 'active' | 'suspended' | 'dissolved';

export type EnterpriseRecord = Readonly<{
  /** Mã số doanh nghiệp, 10 digits (the enterprise itself, never a branch). */
  enterpriseCode: string;
  name: string;
  /** Personal ID of the legal representative (người đại diện theo pháp luật). */
  legalRepresentativeId: string;
  status: EnterpriseStatus;
  /** YYYY-MM-DD, first registration. */
  registeredOn: string;
}>;

/** Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp (national business registration database). */
export type BusinessRegistry = Readonly<{
  /**
   * The enterprise with this code, or undefined. A branch or dependent unit code
   * (`0101234567-001`) answers its parent enterprise's record: the parent's legal representative is
   * the one who answers for the branch.
   */
  findEnterprise(code: string): Promise<EnterpriseRecord | undefined>;
}>;
