// Events the registries publish (through the kernel outbox, in the transaction of the change).
// Other modules and the exchange gateway import this file, never the module's internals.

/**
 * A person's permanent residence (nơi thường trú) changed: registered by the residence-management
 * system (đăng ký thường trú, Luật Cư trú 2020 Art. 20–22). Subscribers — the commune where the
 * person now lives, services prefilled from the old address — learn it without polling.
 */
export const PERSON_MOVED = 'registries.person.moved';

export type PersonMovedPayload = Readonly<{
  personalId: string;
  fromCommuneCode: string;
  toCommuneCode: string;
  /** YYYY-MM-DD, the day the new residence took effect. */
  movedOn: string;
  /** The household the person now belongs to. */
  householdId: string;
}>;
