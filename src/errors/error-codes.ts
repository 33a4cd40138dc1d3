/**
 * The error registry: every top-level error code the API can answer (GraphQL
 * `extensions.code`, or `error.code` on the plain HTTP routes) is declared here once,
 * with its category, its meaning (English, independent of the transport) and its Chinese
 * message template. The schema exposes it as `enum ErrorCode` and `Query.errorCodes`.
 *
 * Procedure rule codes (src/procedure/rule-catalog.ts) are a separate vocabulary: they are
 * the `code` of each entry of `extensions.violations`, under one top-level
 * `PROCEDURE_VIOLATION`.
 *
 * Templates name `{placeholders}` filled from the error's details (`renderErrorMessage`);
 * a call site may give a more specific Chinese message for the same code.
 */

/** How a refusal is classified: what a client can do about it. */
export const ERROR_CATEGORIES = {
  UNAUTHENTICATED: '未登录或令牌无效：重新登录 (unauthenticated: sign in again)',
  FORBIDDEN: '无权执行：角色或管辖范围不符 (forbidden: role or office scope)',
  NOT_FOUND: '记录不存在或不在管辖范围内 (not found, or out of the caller’s scope)',
  BAD_USER_INPUT: '输入有误：修改所指字段后重试 (bad user input: fix the named field)',
  BAD_REQUEST:
    '请求本身无效（语法、大小、复杂度）：属客户端程序问题 (malformed or oversized request)',
  CONFLICT:
    '与已有数据或并发修改冲突：刷新后重试 (conflict with stored data or a concurrent change)',
  PROCEDURE_VIOLATION:
    '程序规则不允许此步骤：见 violations 所列每条规则 (refused by the procedure rules, listed in violations)',
  TOO_MANY_REQUESTS: '请求过于频繁：稍后重试 (rate limited: retry after the given seconds)',
  SERVICE_UNAVAILABLE: '服务暂时不可用：稍后重试 (service unavailable: retry later)',
  INTERNAL: '服务器内部错误：凭错误编号联系管理员 (internal error: report the errorId)',
} as const;

export type ErrorCategory = keyof typeof ERROR_CATEGORIES;

/** Where a code can be answered: in a GraphQL response, on a plain HTTP route, or both. */
export type ErrorSurface = 'GRAPHQL' | 'HTTP';

export interface ErrorCodeDefinition {
  readonly category: ErrorCategory;
  /** What the code means, in English, without reference to the transport. */
  readonly meaning: string;
  /** The Chinese message; `{name}` is filled from the error's details. */
  readonly message: string;
  readonly surfaces: readonly ErrorSurface[];
}

const GRAPHQL = ['GRAPHQL'] as const;
const HTTP = ['HTTP'] as const;
const BOTH = ['GRAPHQL', 'HTTP'] as const;

export const ERROR_CODES = {
  // ── Authentication ──
  UNAUTHENTICATED: {
    category: 'UNAUTHENTICATED',
    meaning: 'The request carries no bearer token.',
    message: '请先登录：请求须携带 Authorization: Bearer <令牌>',
    surfaces: BOTH,
  },
  TOKEN_INVALID: {
    category: 'UNAUTHENTICATED',
    meaning: 'The bearer token is malformed, badly signed, or fails a claim check.',
    message: '令牌无效',
    surfaces: BOTH,
  },
  TOKEN_EXPIRED: {
    category: 'UNAUTHENTICATED',
    meaning: 'The bearer token has expired.',
    message: '令牌已过期，请重新获取',
    surfaces: BOTH,
  },
  OFFICER_INACTIVE: {
    category: 'UNAUTHENTICATED',
    meaning: 'The token names an officer who does not exist or has been deactivated.',
    message: '该执法人员账号不存在或已停用',
    surfaces: BOTH,
  },

  // ── Authorization ──
  ROLE_REQUIRED: {
    category: 'FORBIDDEN',
    meaning: 'The officer holds none of the roles the operation requires.',
    message: '此操作需要以下角色之一：{requiredRoles}',
    surfaces: GRAPHQL,
  },
  OUTSIDE_OFFICE_SCOPE: {
    category: 'FORBIDDEN',
    meaning: 'The record is outside the officer’s office and its subordinate offices.',
    message: '{what}不在您所在机关及其下级机关的范围内',
    surfaces: GRAPHQL,
  },

  // ── Not found (out-of-scope records are reported as not found) ──
  OFFICE_NOT_FOUND: {
    category: 'NOT_FOUND',
    meaning: 'No office with this id in the caller’s scope.',
    message: '机关不存在或不在您的管辖范围内',
    surfaces: GRAPHQL,
  },
  OFFICER_NOT_FOUND: {
    category: 'NOT_FOUND',
    meaning: 'No officer with this id in the caller’s scope.',
    message: '执法人员不存在或不在您的管辖范围内',
    surfaces: GRAPHQL,
  },
  PARTY_NOT_FOUND: {
    category: 'NOT_FOUND',
    meaning: 'No party with this id in the caller’s scope.',
    message: '当事人不存在或不在您的管辖范围内',
    surfaces: GRAPHQL,
  },
  CASE_NOT_FOUND: {
    category: 'NOT_FOUND',
    meaning: 'No case with this id in the caller’s scope.',
    message: '案件不存在或不在您的管辖范围内',
    surfaces: BOTH,
  },
  CERTIFICATE_NOT_FOUND: {
    category: 'NOT_FOUND',
    meaning: 'No enforcement certificate with this id in the caller’s scope.',
    message: '执法证件不存在或不在您的管辖范围内',
    surfaces: GRAPHQL,
  },
  DOCUMENT_NOT_FOUND: {
    category: 'NOT_FOUND',
    meaning: 'No document with this id in the caller’s scope (or not of this case).',
    message: '文书不存在或不在您的管辖范围内',
    surfaces: BOTH,
  },
  PUBLICATION_NOT_FOUND: {
    category: 'NOT_FOUND',
    meaning: 'No publication record with this id in the caller’s scope.',
    message: '公示记录不存在或不在您的管辖范围内',
    surfaces: GRAPHQL,
  },
  INTERVIEW_NOT_FOUND: {
    category: 'NOT_FOUND',
    meaning: 'No interview record with this id in the caller’s scope.',
    message: '约谈记录不存在或不在您的管辖范围内',
    surfaces: GRAPHQL,
  },
  PROVISION_NOT_FOUND: {
    category: 'NOT_FOUND',
    meaning: 'No penalty provision with this id in the national catalog.',
    message: '处罚条款 {id} 不存在',
    surfaces: GRAPHQL,
  },
  WEBHOOK_NOT_FOUND: {
    category: 'NOT_FOUND',
    meaning: 'No webhook subscription with this id in the caller’s scope.',
    message: '推送订阅不存在或不在您的管辖范围内',
    surfaces: GRAPHQL,
  },
  WEBHOOK_DELIVERY_NOT_FOUND: {
    category: 'NOT_FOUND',
    meaning: 'No webhook delivery with this id in the caller’s scope.',
    message: '推送记录不存在或不在您的管辖范围内',
    surfaces: GRAPHQL,
  },
  ROUTE_NOT_FOUND: {
    category: 'NOT_FOUND',
    meaning: 'No route at this address.',
    message: '请求的地址不存在',
    surfaces: HTTP,
  },

  // ── Invalid input: one field, named in details.field ──
  BAD_USER_INPUT: {
    category: 'BAD_USER_INPUT',
    meaning: 'A variable or argument does not match its declared type.',
    message: '请求参数无效：{reason}',
    surfaces: GRAPHQL,
  },
  INPUT_INVALID: {
    category: 'BAD_USER_INPUT',
    meaning:
      'Several input fields are invalid; extensions.validationErrors lists each with its input path.',
    message: '输入有误（{count} 处）：{reasons}',
    surfaces: GRAPHQL,
  },
  FIELD_REQUIRED: {
    category: 'BAD_USER_INPUT',
    meaning: 'A required field is empty.',
    message: '{field} 不能为空',
    surfaces: GRAPHQL,
  },
  FIELD_TOO_LONG: {
    category: 'BAD_USER_INPUT',
    meaning: 'A text field exceeds its maximum length.',
    message: '{field} 不能超过 {maxLength} 个字符',
    surfaces: GRAPHQL,
  },
  INVALID_TEXT: {
    category: 'BAD_USER_INPUT',
    meaning: 'A text field contains a character that may not be stored or printed.',
    message: '字段 {field} 含有不允许的字符 {codePoint}',
    surfaces: GRAPHQL,
  },
  INVALID_DATE: {
    category: 'BAD_USER_INPUT',
    meaning: 'A date is not a valid calendar date in YYYY-MM-DD form.',
    message: '{field} 不是有效日期（YYYY-MM-DD）',
    surfaces: GRAPHQL,
  },
  INVALID_TIME: {
    category: 'BAD_USER_INPUT',
    meaning: 'A time of day is not in HH:MM form.',
    message: '{field} 应为 HH:MM，如 09:30',
    surfaces: GRAPHQL,
  },
  DATE_RANGE_INVERTED: {
    category: 'BAD_USER_INPUT',
    meaning: 'The end of a date range lies before its start.',
    message: '{field} 不能早于起始日期',
    surfaces: GRAPHQL,
  },
  ACT_DATE_IN_FUTURE: {
    category: 'BAD_USER_INPUT',
    meaning: 'The date of a recorded act lies after today.',
    message: '{field} 晚于当前日期：只能记录已经发生的行为',
    surfaces: GRAPHQL,
  },
  INTERVIEW_PARTY_NOT_ORGANIZATION: {
    category: 'BAD_USER_INPUT',
    meaning:
      'An interview is held with the legal representative or principal person in charge of an organization; the party is a natural person.',
    message: '约谈的对象应为法人或者其他组织（其法定代表人或者主要负责人），该当事人是自然人',
    surfaces: GRAPHQL,
  },
  CASE_OF_ANOTHER_PARTY: {
    category: 'BAD_USER_INPUT',
    meaning: 'The case named does not concern the party named.',
    message: '{field} 所指的案件的当事人不是该当事人',
    surfaces: GRAPHQL,
  },
  OFFICERS_FEWER_THAN_TWO: {
    category: 'BAD_USER_INPUT',
    meaning: 'An enforcement act needs at least two officers (APL art. 42(1)).',
    message: '执法人员不得少于两人（《中华人民共和国行政处罚法》第四十二条第一款）',
    surfaces: GRAPHQL,
  },
  OFFICER_CERTIFICATE_NOT_VALID: {
    category: 'BAD_USER_INPUT',
    meaning: 'An officer named holds no valid enforcement certificate on the date of the act.',
    message: '执法人员 {name} 在 {date} 未持有有效的行政执法证件',
    surfaces: GRAPHQL,
  },
  RECTIFICATION_DUE_NOT_AFTER_INTERVIEW: {
    category: 'BAD_USER_INPUT',
    meaning: 'The rectification due date of an interview is not after the interview date.',
    message: '{field} 应当晚于约谈日期',
    surfaces: GRAPHQL,
  },
  FOLLOW_UP_BEFORE_INTERVIEW: {
    category: 'BAD_USER_INPUT',
    meaning: 'A follow-up of an interview is dated before the interview.',
    message: '{field} 不能早于约谈日期',
    surfaces: GRAPHQL,
  },
  INVALID_AMOUNT: {
    category: 'BAD_USER_INPUT',
    meaning: 'A money amount is not positive or has more than two decimals.',
    message: '{field} 应为大于零、最多两位小数的金额（元）',
    surfaces: GRAPHQL,
  },
  INVALID_COUNT: {
    category: 'BAD_USER_INPUT',
    meaning: 'A count is negative or not an integer.',
    message: '{field} 应为不小于零的整数',
    surfaces: GRAPHQL,
  },
  INVALID_DAY_COUNT: {
    category: 'BAD_USER_INPUT',
    meaning: 'A number of days is out of the supported range.',
    message: '天数须为绝对值不超过 3650 的整数',
    surfaces: GRAPHQL,
  },
  INVALID_SIZE: {
    category: 'BAD_USER_INPUT',
    meaning: 'A file size is negative.',
    message: '文件大小不能为负数',
    surfaces: GRAPHQL,
  },
  INVALID_SHA256: {
    category: 'BAD_USER_INPUT',
    meaning: 'A SHA-256 digest is not 64 hexadecimal digits.',
    message: 'SHA-256 应为64位十六进制数',
    surfaces: GRAPHQL,
  },
  EMERGENCY_TIME_NOT_ON_START_DATE: {
    category: 'BAD_USER_INPUT',
    meaning:
      'The instant a seizure was imposed on the spot is not on its start date (China Standard Time).',
    message: '当场实施的时间应为实施日期（startedOn）当日',
    surfaces: GRAPHQL,
  },
  INVALID_MEDIA_TYPE: {
    category: 'BAD_USER_INPUT',
    meaning: 'A media type is not an audio, video or image type/subtype.',
    message: '{field} 应为音频、视频或者图片的媒体类型，如 video/mp4',
    surfaces: GRAPHQL,
  },
  INVALID_CURSOR: {
    category: 'BAD_USER_INPUT',
    meaning: 'A pagination cursor was not issued by this service.',
    message: '分页游标无效，请使用上一页返回的游标',
    surfaces: BOTH,
  },
  PAGE_SIZE_OUT_OF_RANGE: {
    category: 'BAD_USER_INPUT',
    meaning: 'The requested page size is outside the allowed range.',
    message: '每页条数须在 1 到 {max} 之间',
    surfaces: GRAPHQL,
  },
  NODE_IDS_TOO_MANY: {
    category: 'BAD_USER_INPUT',
    meaning: 'More ids were asked of nodes(ids) than one call resolves.',
    message: '{field} 最多 {max} 个',
    surfaces: GRAPHQL,
  },
  CURSOR_ORDER_MISMATCH: {
    category: 'BAD_USER_INPUT',
    meaning: 'A pagination cursor was issued for another orderBy than the one requested.',
    message: '分页游标属于另一种排序，请用同一 orderBy 重新从第一页取',
    surfaces: GRAPHQL,
  },
  PAGE_DIRECTION_CONFLICT: {
    category: 'BAD_USER_INPUT',
    meaning:
      'Forward (first/after) and backward (last/before) page arguments were mixed in one request.',
    message: '向后翻页用 first/after，向前翻页用 last/before，不能混用',
    surfaces: GRAPHQL,
  },
  DUE_WITHIN_OUT_OF_RANGE: {
    category: 'BAD_USER_INPUT',
    meaning: 'The "due within N working days" case filter is outside the allowed range.',
    message: '临近届满的工作日数须在 0 到 {max} 之间',
    surfaces: GRAPHQL,
  },
  INVALID_POSTAL_CODE: {
    category: 'BAD_USER_INPUT',
    meaning: 'A postal code is not six digits.',
    message: '邮政编码应为6位数字',
    surfaces: GRAPHQL,
  },
  INVALID_DIVISION_CODE: {
    category: 'BAD_USER_INPUT',
    meaning: 'An administrative division code is not six digits (GB/T 2260).',
    message: '行政区划代码应为6位数字（GB/T 2260）',
    surfaces: GRAPHQL,
  },
  INVALID_UNIFIED_SOCIAL_CREDIT_CODE: {
    category: 'BAD_USER_INPUT',
    meaning: 'A unified social credit code fails its format or check character (GB 32100).',
    message: '统一社会信用代码格式或校验码错误（GB 32100-2015）',
    surfaces: GRAPHQL,
  },
  INVALID_RESIDENT_ID_NUMBER: {
    category: 'BAD_USER_INPUT',
    meaning: 'A resident identity card number fails its format, date or check digit (GB 11643).',
    message: '居民身份证号码格式、出生日期或校验码错误（GB 11643）',
    surfaces: GRAPHQL,
  },
  PARTY_ID_TYPE_MISMATCH: {
    category: 'BAD_USER_INPUT',
    meaning: 'The identity document type does not fit the kind of party.',
    message: '证件类型与当事人类别不符',
    surfaces: GRAPHQL,
  },
  LEGAL_REPRESENTATIVE_REQUIRED: {
    category: 'BAD_USER_INPUT',
    meaning: 'An organization party needs its legal representative or person in charge.',
    message: '法人或其他组织须登记法定代表人或负责人',
    surfaces: GRAPHQL,
  },
  ELECTRONIC_SERVICE_ADDRESS_REQUIRED: {
    category: 'BAD_USER_INPUT',
    meaning: 'Consent to electronic service needs a confirmed electronic address.',
    message: '同意电子送达的，须登记确认的电子送达地址',
    surfaces: GRAPHQL,
  },
  ROLES_REQUIRED: {
    category: 'BAD_USER_INPUT',
    meaning: 'An officer needs at least one role.',
    message: '至少指定一个角色',
    surfaces: GRAPHQL,
  },
  CANNOT_DEMOTE_SELF: {
    category: 'BAD_USER_INPUT',
    meaning: 'An administrator may not deactivate themselves or drop their own ADMIN role.',
    message: '不能停用本人账号或取消本人的管理员角色',
    surfaces: GRAPHQL,
  },
  OFFICE_LEVEL_MISMATCH: {
    category: 'BAD_USER_INPUT',
    meaning: 'The office level does not fit under its parent office.',
    message: '下级机关的层级与上级机关不相称',
    surfaces: GRAPHQL,
  },
  INVALID_DOCUMENT_NUMBER_FORMAT: {
    category: 'BAD_USER_INPUT',
    meaning: 'A document number format lacks or repeats one of its placeholders.',
    message: '文号格式有误：机关代字、文书类别代字、年份、顺序号须各出现一次',
    surfaces: GRAPHQL,
  },
  OVERRIDES_EMPTY: {
    category: 'BAD_USER_INPUT',
    meaning: 'A rulebook override sets no parameter.',
    message: '至少设置一个参数',
    surfaces: GRAPHQL,
  },
  RULEBOOK_NOT_IN_FORCE: {
    category: 'BAD_USER_INPUT',
    meaning: 'No rulebook version is in force on the given date.',
    message: '该日期没有适用的规则版本',
    surfaces: GRAPHQL,
  },
  PROVISION_INVALID: {
    category: 'BAD_USER_INPUT',
    meaning: 'A penalty provision’s data is inconsistent.',
    message: '处罚条款数据有误',
    surfaces: GRAPHQL,
  },
  CALENDAR_YEAR_NOT_LOADED: {
    category: 'BAD_USER_INPUT',
    meaning:
      'A date falls in a year whose holiday arrangement is neither loaded nor derivable, so working days cannot be counted.',
    message: '{year} 年的节假日安排尚未载入，无法计算工作日',
    surfaces: GRAPHQL,
  },
  CALENDAR_YEAR_PROVISIONAL_NOT_LOADABLE: {
    category: 'BAD_USER_INPUT',
    meaning: 'A provisional (derived) year cannot be loaded as published holiday data.',
    message: '推定年度不能作为数据载入：只能载入国务院办公厅公布的正式节假日安排',
    surfaces: GRAPHQL,
  },
  CALENDAR_DATA_INVALID: {
    category: 'BAD_USER_INPUT',
    meaning: 'Holiday arrangement data to load is inconsistent.',
    message: '节假日安排数据有误',
    surfaces: GRAPHQL,
  },
  DOCUMENT_KIND_UNKNOWN: {
    category: 'BAD_USER_INPUT',
    meaning: 'No such document kind.',
    message: '未知的文书种类：{kind}',
    surfaces: GRAPHQL,
  },
  DOCUMENT_TEMPLATE_MISSING: {
    category: 'BAD_USER_INPUT',
    meaning: 'The document kind has no template yet.',
    message: '文书种类 {kind} 尚无模板',
    surfaces: GRAPHQL,
  },
  DOCUMENT_INCOMPLETE: {
    category: 'BAD_USER_INPUT',
    meaning: 'The document cannot be rendered: a value it needs is missing or unusable.',
    message: '无法生成文书：缺少必要内容',
    surfaces: GRAPHQL,
  },
  DOCUMENT_SECTIONS_INVALID: {
    category: 'BAD_USER_INPUT',
    meaning:
      'A field of the document sections does not match the JSON Schema of the kind (documentKinds.sectionsSchema): unknown or wrongly typed.',
    message: '文书内容（sections）不符合该文书种类的结构：{reason}',
    surfaces: GRAPHQL,
  },
  DOCUMENT_SUPERSEDED: {
    category: 'BAD_USER_INPUT',
    meaning: 'A newer version of the document exists; act on the latest one.',
    message: '该文书已有更新的版本，应当使用最新版本',
    surfaces: GRAPHQL,
  },
  DOCUMENT_OF_ANOTHER_PARTY: {
    category: 'BAD_USER_INPUT',
    meaning:
      'In a case with several parties, the notice or decision letter made for one party is served on another (APL arts. 44, 61): serve each party their own.',
    message: '该文书是为本案另一名当事人制作的，只能向该当事人送达',
    surfaces: GRAPHQL,
  },
  DOCUMENT_MADE_PER_PARTY: {
    category: 'BAD_USER_INPUT',
    meaning:
      'The steps made this kind once per party of a multi-party case (APL arts. 44, 61), and a case-wide version from generateDocument would supersede each party’s own; correct a party’s letter with correctDocument.',
    message: '本案该文书按当事人分别制作，不能按案件生成',
    surfaces: GRAPHQL,
  },
  CORRECTED_AND_FIRST_SERVICE_MIXED: {
    category: 'BAD_USER_INPUT',
    meaning: 'A corrected version and a first service are listed on one receipt; serve them apart.',
    message:
      '补正（更正）后的文书应当与其补正（更正）通知书单独送达，不与首次送达的文书同一送达回证',
    surfaces: GRAPHQL,
  },
  CORRECTION_NOTICE_NOT_SERVED: {
    category: 'BAD_USER_INPUT',
    meaning: 'A corrected version is served without the notice of its correction.',
    message: '送达补正（更正）后的文书，应当同时送达其补正（更正）通知书',
    surfaces: GRAPHQL,
  },
  CORRECTION_NOTICE_WITHOUT_DOCUMENT: {
    category: 'BAD_USER_INPUT',
    meaning: 'A correction notice is served without the corrected version it belongs to.',
    message: '补正（更正）通知书应当与补正（更正）后的文书一并送达',
    surfaces: GRAPHQL,
  },
  STATEMENT_ADOPTION_CONTRADICTS_REVIEW: {
    category: 'BAD_USER_INPUT',
    meaning:
      "The decision letter's adoption of the statement contradicts the recorded statement review.",
    message: '决定书的采纳情况（{typed}）与记录的陈述、申辩复核结论（{recorded}）不一致',
    surfaces: GRAPHQL,
  },
  IDEMPOTENCY_KEY_INVALID: {
    category: 'BAD_USER_INPUT',
    meaning: 'The Idempotency-Key header is not 1 to 255 visible ASCII characters.',
    message: 'Idempotency-Key 须为 1 至 255 个可见 ASCII 字符',
    surfaces: GRAPHQL,
  },
  IDEMPOTENCY_KEY_NOT_SUPPORTED: {
    category: 'BAD_USER_INPUT',
    meaning: 'An Idempotency-Key was sent with an operation other than a single supported create.',
    message: 'Idempotency-Key 只适用于只含一个创建字段（{supported}）的 mutation',
    surfaces: GRAPHQL,
  },
  IDEMPOTENCY_KEY_REUSED: {
    category: 'CONFLICT',
    meaning: 'The Idempotency-Key was already used for a different request.',
    message:
      '该 Idempotency-Key 已用于另一个不同的请求；重试须发送与首次完全相同的请求，新请求请使用新的键',
    surfaces: GRAPHQL,
  },
  IDEMPOTENCY_KEY_IN_PROGRESS: {
    category: 'CONFLICT',
    meaning: 'The first request with this Idempotency-Key is still running; retry later.',
    message: '使用该 Idempotency-Key 的首次请求仍在处理中，请稍后用同一个键重试',
    surfaces: GRAPHQL,
  },
  DUPLICATE_DOCUMENT_KIND: {
    category: 'BAD_USER_INPUT',
    meaning: 'One service lists two documents of the same kind.',
    message: '同种文书只能送达一份',
    surfaces: GRAPHQL,
  },
  INVALID_PATH: {
    category: 'BAD_USER_INPUT',
    meaning: 'A correction path is not a well-formed path into the document’s content.',
    message: '路径格式不正确：{path}',
    surfaces: GRAPHQL,
  },
  PATH_NOT_IN_DOCUMENT: {
    category: 'BAD_USER_INPUT',
    meaning: 'A correction path names no correctable text of the document.',
    message: '文书中没有可更正的内容：{path}',
    surfaces: GRAPHQL,
  },
  CHANGE_IS_NO_CHANGE: {
    category: 'BAD_USER_INPUT',
    meaning: 'A correction leaves the text as it was.',
    message: '更正后的内容与原内容相同',
    surfaces: GRAPHQL,
  },
  SERVED_DOCUMENT_CORRECTION_ONLY: {
    category: 'BAD_USER_INPUT',
    meaning: 'A served document may only be corrected, not regenerated.',
    message: '文书已经送达，只能补正（更正），不能重新制作',
    surfaces: GRAPHQL,
  },
  CORRECTION_APPROVER_NOT_HEAD: {
    category: 'BAD_USER_INPUT',
    meaning: 'A correction must be approved by the head of the office.',
    message: '补正（更正）须经机关负责人批准',
    surfaces: GRAPHQL,
  },
  WEBHOOK_URL_INVALID: {
    category: 'BAD_USER_INPUT',
    meaning: 'A webhook target address is not a valid https URL.',
    message: '接收地址无效：{reason}',
    surfaces: GRAPHQL,
  },
  WEBHOOK_URL_NOT_PUBLIC: {
    category: 'BAD_USER_INPUT',
    meaning: 'A webhook target resolves to a private address that is not allow-listed.',
    message: '接收地址须为公网地址：回环、内网、链路本地等地址须经系统管理员列入允许清单',
    surfaces: GRAPHQL,
  },
  WEBHOOK_EVENT_TYPES_REQUIRED: {
    category: 'BAD_USER_INPUT',
    meaning: 'A webhook subscription needs at least one event type.',
    message: '至少订阅一种事件',
    surfaces: GRAPHQL,
  },

  // ── Conflicts with stored data ──
  CONFLICT: {
    category: 'CONFLICT',
    meaning: 'A concurrent request stored the same unique record first.',
    message: '该记录已被并发的请求登记，请刷新后重试',
    surfaces: BOTH,
  },
  CASE_VERSION_CONFLICT: {
    category: 'CONFLICT',
    meaning: 'The case changed since the version the caller read.',
    message: '案件已被他人修改，请刷新后重试',
    surfaces: GRAPHQL,
  },
  CERTIFICATE_NUMBER_TAKEN: {
    category: 'CONFLICT',
    meaning: 'An enforcement certificate with this number exists (numbers are unique nationwide).',
    message: '执法证件编号 {number} 已存在（证件编号全国唯一）',
    surfaces: GRAPHQL,
  },
  CERTIFICATE_ALREADY_REVOKED: {
    category: 'CONFLICT',
    meaning: 'The enforcement certificate is already revoked.',
    message: '该执法证件已注销',
    surfaces: GRAPHQL,
  },
  OFFICE_CREDIT_CODE_TAKEN: {
    category: 'CONFLICT',
    meaning: 'Another office uses this unified social credit code.',
    message: '该统一社会信用代码已被其他机关使用',
    surfaces: GRAPHQL,
  },
  PARTY_ALREADY_REGISTERED: {
    category: 'CONFLICT',
    meaning: 'The office has registered a party with this identity number.',
    message: '本机关已登记该证件号码的当事人',
    surfaces: GRAPHQL,
  },
  INTERVIEW_ALREADY_FOLLOWED_UP: {
    category: 'CONFLICT',
    meaning: 'The follow-up of this interview is already recorded.',
    message: '该约谈已记录跟踪复查情况',
    surfaces: GRAPHQL,
  },
  PUBLICATION_ALREADY_WITHDRAWN: {
    category: 'CONFLICT',
    meaning: 'The publication record is already withdrawn.',
    message: '该公示已撤下',
    surfaces: GRAPHQL,
  },

  // ── Procedure ──
  PROCEDURE_VIOLATION: {
    category: 'PROCEDURE_VIOLATION',
    meaning:
      'The procedural step is refused; every unmet rule, with its citation, is in violations.',
    message: '不能执行“{action}”：{reasons}',
    surfaces: GRAPHQL,
  },

  // ── The request itself ──
  GRAPHQL_PARSE_FAILED: {
    category: 'BAD_REQUEST',
    meaning: 'The query is not valid GraphQL syntax.',
    message: '查询语法错误',
    surfaces: GRAPHQL,
  },
  GRAPHQL_VALIDATION_FAILED: {
    category: 'BAD_REQUEST',
    meaning: 'The query does not validate against the schema or exceeds a depth or alias limit.',
    message: '查询无效',
    surfaces: GRAPHQL,
  },
  QUERY_TOO_COMPLEX: {
    category: 'BAD_REQUEST',
    meaning: 'The query’s estimated cost exceeds the limit.',
    message: '查询过于复杂：估算成本 {cost} 超过上限 {maxCost}',
    surfaces: GRAPHQL,
  },
  OPERATION_RESOLUTION_FAILURE: {
    category: 'BAD_REQUEST',
    meaning: 'The operation to run cannot be determined from the document and operationName.',
    message: '查询无效：无法确定要执行的操作',
    surfaces: GRAPHQL,
  },
  PERSISTED_QUERY_NOT_FOUND: {
    category: 'BAD_REQUEST',
    meaning: 'The persisted query hash is unknown.',
    message: '查询无效：持久化查询不存在',
    surfaces: GRAPHQL,
  },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    category: 'BAD_REQUEST',
    meaning: 'Persisted queries are not supported.',
    message: '查询无效：不支持持久化查询',
    surfaces: GRAPHQL,
  },
  BAD_REQUEST: {
    category: 'BAD_REQUEST',
    meaning: 'The request is malformed.',
    message: '请求无效',
    surfaces: BOTH,
  },
  JSON_TOO_DEEP: {
    category: 'BAD_REQUEST',
    meaning: 'The request body nests deeper than allowed.',
    message: '请求参数嵌套层数超过上限 {maxDepth}',
    surfaces: HTTP,
  },
  MALFORMED_JSON: {
    category: 'BAD_REQUEST',
    meaning: 'The request body is not valid JSON.',
    message: '请求体不是有效的 JSON',
    surfaces: HTTP,
  },
  PAYLOAD_TOO_LARGE: {
    category: 'BAD_REQUEST',
    meaning: 'The request body exceeds the size limit.',
    message: '请求体超过大小上限',
    surfaces: HTTP,
  },
  UNSUPPORTED_MEDIA_TYPE: {
    category: 'BAD_REQUEST',
    meaning: 'The request body’s charset or content encoding is not supported.',
    message: '不支持的字符集或内容编码',
    surfaces: HTTP,
  },
  MALFORMED_URL: {
    category: 'BAD_REQUEST',
    meaning: 'The URL contains an invalid percent-escape.',
    message: '请求地址中的转义序列无效',
    surfaces: HTTP,
  },

  // ── Load and availability ──
  RATE_LIMITED: {
    category: 'TOO_MANY_REQUESTS',
    meaning: 'Too many requests from this officer or client address in the current minute.',
    message: '请求过于频繁，请 {retryAfterSeconds} 秒后重试',
    surfaces: HTTP,
  },
  SERVICE_UNAVAILABLE: {
    category: 'SERVICE_UNAVAILABLE',
    meaning:
      'The database is down or busy, a lock or statement timed out, or the connection pool is exhausted; retryable.',
    message: '服务暂时繁忙或数据库不可用，请稍后重试',
    surfaces: BOTH,
  },
  EXECUTION_TIMEOUT: {
    category: 'SERVICE_UNAVAILABLE',
    meaning: 'The operation ran past the execution deadline; the fields still to resolve failed.',
    message: '查询执行超时（{timeoutMs} 毫秒），请缩小查询范围',
    surfaces: GRAPHQL,
  },
  PDF_CONVERTER_BUSY: {
    category: 'SERVICE_UNAVAILABLE',
    meaning: 'The PDF converter’s queue is full; retryable.',
    message: 'PDF 转换繁忙，请稍后重试',
    surfaces: HTTP,
  },
  PDF_RENDERER_UNAVAILABLE: {
    category: 'SERVICE_UNAVAILABLE',
    meaning: 'No PDF renderer (LibreOffice) is installed on this server.',
    message: '本服务器未安装 PDF 转换程序，请下载 .docx 文件',
    surfaces: HTTP,
  },

  // ── Faults ──
  DOCUMENT_INTEGRITY_VIOLATION: {
    category: 'INTERNAL',
    meaning: 'The stored document no longer matches its registered SHA-256; it is not served.',
    message: '文书内容与登记的 SHA-256 不符，可能已被篡改，拒绝提供；请联系系统管理员核查',
    surfaces: HTTP,
  },
  INTERNAL_SERVER_ERROR: {
    category: 'INTERNAL',
    meaning: 'An unexpected failure; details are logged under the errorId.',
    message: '服务器内部错误（错误编号 {errorId}）',
    surfaces: BOTH,
  },
} as const satisfies Record<string, ErrorCodeDefinition>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

/** The codes of one category, e.g. `ErrorCodeOf<'NOT_FOUND'>`. */
export type ErrorCodeOf<C extends ErrorCategory> = {
  [K in ErrorCode]: (typeof ERROR_CODES)[K]['category'] extends C ? K : never;
}[ErrorCode];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

export function errorCodeDefinition(code: ErrorCode): ErrorCodeDefinition {
  return ERROR_CODES[code];
}

/**
 * The code's Chinese message with `{name}` replaced by `params[name]` (arrays joined
 * with 、); a placeholder without a value is left as written.
 */
export function renderErrorMessage(
  code: ErrorCode,
  params: Readonly<Record<string, unknown>> = {},
): string {
  return ERROR_CODES[code].message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) {
      return whole;
    }
    return Array.isArray(value) ? value.join('、') : String(value);
  });
}
