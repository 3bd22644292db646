import type { DataAccess, DataAccessRecorder } from '../../kernel/data-access.ts';

// The data tracker's recorder port (kernel/data-access.ts): the composition root passes the tracker's
// recorder, so this module does not depend on the tracker.

export type DataAccessRecord = DataAccess;
/** Records reads of a person's data; awaited before the data is returned, so an unrecorded read fails. */
export type DataAccessLog = DataAccessRecorder;
