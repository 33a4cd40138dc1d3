import type { ActionSpecs } from './action-spec.js';
import * as caseHandling from './specs/case-handling.specs.js';
import * as correction from './specs/correction.specs.js';
import * as docketing from './specs/docketing.specs.js';
import * as execution from './specs/execution.specs.js';
import * as investigation from './specs/investigation.specs.js';
import * as noticeAndHearing from './specs/notice-and-hearing.specs.js';
import * as reviewAndDecision from './specs/review-and-decision.specs.js';
import * as selfCorrection from './specs/self-correction.specs.js';
import * as service from './specs/service.specs.js';

/**
 * Every procedural action's spec, keyed by action: a missing (or misnamed) spec is a compile
 * error, and each spec's `action` must equal its key (checked by the schema contract test).
 */
export const ACTION_SPECS: ActionSpecs = {
  ...docketing,
  ...caseHandling,
  ...investigation,
  ...correction,
  ...noticeAndHearing,
  ...reviewAndDecision,
  ...service,
  ...execution,
  ...selfCorrection,
};
