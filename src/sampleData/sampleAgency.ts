// The sample data's one agency: fictitious, written for this project. Ledgers whose sample data
// was loaded before sample agencies were marked are recognised by this name.
import { agencyIdFor } from '../../events/report/ids';

export const SAMPLE_AGENCY_NAME = '示例县数据管理局';
export const SAMPLE_AGENCY_ID = agencyIdFor(SAMPLE_AGENCY_NAME);
