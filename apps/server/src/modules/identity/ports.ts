// What identity needs from the outside world and from other modules, as ports. The composition root
// (main/modules.ts) hands in the implementations: the registries module's stand-ins for the national
// population and business registries, the notifications module, the agencies module.

/** The national population registry (CSDLQG về dân cư): match or not per field, never its values. */
export type PopulationRegistry = {
  verifyResident(claim: { personalId: string; fullName: string; birthDate: string; sex?: 'male' | 'female' }): Promise<{
    outcome: 'match' | 'mismatch' | 'not_found';
    mismatched: ('fullName' | 'birthDate' | 'sex')[];
  }>;
};

/** Sends e-mail or SMS (one-time codes, notices). */
export type Notifier = {
  send(message: { channel: 'email' | 'sms'; to: string; subject: string; body: string }): Promise<void>;
};

export type { BusinessRegistry } from './businesses.ts';
export type { AgencyDirectory } from './officials.ts';
