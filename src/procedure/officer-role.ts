/** Roles of an officer within their office. */
export const OFFICER_ROLES = [
  'CASE_HANDLER', // 办案人员
  'OFFICE_HEAD', // 负责人
  'LEGAL_REVIEWER', // 法制审核人员
  'HEARING_OFFICER', // 听证主持人
  'ADMIN', // 系统管理员
] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];
