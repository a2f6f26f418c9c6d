/**
 * One error vocabulary for the whole platform. The server throws `AppError(code)`;
 * the code decides the HTTP status and the message in the caller's language.
 */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, zh: '提交的内容有误，请检查标出的字段', en: 'Some fields are invalid' },
  MALFORMED_REQUEST: { status: 400, zh: '请求格式不正确', en: 'The request could not be read' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  SESSION_EXPIRED: { status: 401, zh: '登录已过期，请重新登录', en: 'Your session has expired, please sign in again' },
  BAD_CREDENTIALS: { status: 401, zh: '用户名或密码不正确', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '连续登录失败次数过多，账号已暂时锁定，请稍后再试或请管理员解锁',
    en: 'Too many failed sign-ins; the account is locked for a while. Try later or ask an administrator to unlock it',
  },
  ACCOUNT_DISABLED: { status: 403, zh: '该账号已停用，请联系管理员', en: 'This account is disabled' },
  TOO_MANY_ATTEMPTS: { status: 429, zh: '尝试过于频繁，请稍后再试', en: 'Too many attempts, please try again later' },
  CSRF_REJECTED: { status: 403, zh: '页面已失效，请刷新后重试', en: 'The page is out of date; reload and try again' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '请先修改初始密码', en: 'Please change your initial password first' },
  TOTP_REQUIRED: {
    status: 401,
    zh: '请输入身份验证器中的6位动态码',
    en: 'Enter the 6-digit code from your authenticator app',
  },
  TOTP_INVALID: {
    status: 401,
    zh: '动态码或恢复码不正确，或已使用过',
    en: 'The code or recovery code is wrong or was already used',
  },
  TOTP_ENROLLMENT_REQUIRED: {
    status: 403,
    zh: '管理员账号须先绑定身份验证器（两步验证）',
    en: 'Administrator accounts must set up an authenticator app (two-step sign-in) first',
  },
  TOTP_ALREADY_ENABLED: { status: 409, zh: '两步验证已经开启', en: 'Two-step sign-in is already on' },
  TOTP_NOT_PENDING: {
    status: 409,
    zh: '请先生成二维码，再输入动态码',
    en: 'Start the set-up (QR code) first, then enter a code',
  },
  TOTP_CODE_WRONG: {
    status: 422,
    zh: '动态码不正确或已使用过，请输入验证器中最新的6位数字',
    en: 'The code is wrong or was already used; enter the latest 6 digits from the app',
  },
  FORBIDDEN: { status: 403, zh: '您没有权限进行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '找不到该记录，或您无权查看', en: 'Not found, or you may not see it' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  VERSION_REQUIRED: {
    status: 428,
    zh: '缺少版本号，请刷新后再保存',
    en: 'The record version is required; reload and save again',
  },
  VERSION_CONFLICT: {
    status: 409,
    zh: '该记录已被他人修改，请查看最新内容后再保存',
    en: 'Someone else changed this record; review the newer values and save again',
  },
  DUPLICATE_NAME: { status: 409, zh: '同一上级下已有同名单位', en: 'A unit with this name already exists here' },
  USERNAME_TAKEN: { status: 409, zh: '该用户名已被使用', en: 'This username is taken' },
  ORG_MOVE_INTO_DESCENDANT: {
    status: 422,
    zh: '不能把单位移动到它自己的下级单位之下',
    en: 'A unit cannot be moved under one of its own descendants',
  },
  ORG_INVALID_PARENT: {
    status: 422,
    zh: '上级单位类型不符合要求',
    en: 'This kind of unit cannot be placed under that parent',
  },
  ORG_NOT_EMPTY: {
    status: 409,
    zh: '该单位下还有下级单位、用户或记录，不能删除',
    en: 'This unit still has sub-units, users or records and cannot be deleted',
  },
  ORG_INACTIVE: { status: 422, zh: '该单位已停用', en: 'This unit is deactivated' },
  ROLE_ORG_MISMATCH: {
    status: 422,
    zh: '该角色不能设置在这一级单位上',
    en: 'This role cannot be assigned at this kind of unit',
  },
  TERM_DATES_INVALID: {
    status: 422,
    zh: '学期日期应满足：开学 < 期中 < 期末',
    en: 'Term dates must satisfy start < middle < end',
  },
  TERM_DUPLICATE: { status: 409, zh: '该学期已经设置过', en: 'This term already exists' },
  TERM_SPAN_INVALID: {
    status: 422,
    zh: '学期日期不合理：学期应落在所选学年之内（7月1日至次年8月31日），且开学到期末不超过8个月',
    en: 'Term dates are implausible: a term lies within its school year (1 July to 31 August) and lasts at most 8 months',
  },
  TERM_ORG_KIND_INVALID: {
    status: 422,
    zh: '学期只能由县统一设置，或由学校单独调整',
    en: 'Terms can only be set for a county or overridden for a school',
  },
  ID_NUMBER_TAKEN: {
    status: 409,
    zh: '已有相同身份证号的儿童档案，不能重复建档',
    en: 'A child with this ID number is already registered',
  },
  DUPLICATE_SUSPECTED: {
    status: 409,
    zh: '可能与已有儿童档案重复（同名同生日或同校姓名相近），请核对；确认不是同一人后再提交',
    en: 'This may duplicate an existing child (same name and birth date, or a similar name in the same school); check, then confirm',
  },
  CATEGORY_ALREADY_ACTIVE: { status: 409, zh: '该儿童目前已属于这一类别', en: 'The child is already in this category' },
  CATEGORY_ALREADY_ENDED: { status: 409, zh: '这一类别已经结束', en: 'This category period has already ended' },
  NOT_DELETED: { status: 409, zh: '该记录没有被删除，无需恢复', en: 'This record is not deleted' },
  PASSWORD_TOO_SHORT: { status: 422, zh: '密码至少需要8个字符', en: 'The password needs at least 8 characters' },
  PASSWORD_TOO_COMMON: {
    status: 422,
    zh: '这个密码太常见，容易被猜到，请换一个',
    en: 'This password is too common; choose another',
  },
  PASSWORD_IS_USERNAME: {
    status: 422,
    zh: '密码不能与用户名相同',
    en: 'The password must differ from the username',
  },
  PASSWORD_WRONG: { status: 422, zh: '当前密码不正确', en: 'The current password is wrong' },
  PASSWORD_REUSED: {
    status: 422,
    zh: '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
  CANNOT_DISABLE_SELF: { status: 422, zh: '不能停用自己的账号', en: 'You cannot disable your own account' },
  CANNOT_REVOKE_OWN_ROLE: {
    status: 422,
    zh: '不能撤销自己的角色，请联系其他管理员',
    en: 'You cannot revoke your own role; ask another administrator',
  },
  CANNOT_RESET_OWN_PASSWORD: {
    status: 422,
    zh: '不能重置自己的密码，请使用“修改密码”',
    en: 'You cannot reset your own password; use "Change password" instead',
  },
  ROLE_ALREADY_ASSIGNED: {
    status: 409,
    zh: '该用户在这个单位已有此角色',
    en: 'The user already holds this role at this unit',
  },
  PAIRING_CAPACITY_EXCEEDED: {
    status: 422,
    zh: '帮扶人结对的儿童人数已达上限',
    en: 'The helper already has as many children as allowed',
  },
  PAIRING_HELPER_INVALID: {
    status: 422,
    zh: '所选帮扶人在该儿童的学校（或所在村）没有可以结对的角色',
    en: 'The helper holds no suitable role at the child’s school or home village',
  },
  PAIRING_DUPLICATE: {
    status: 409,
    zh: '该儿童已与这位帮扶人结对',
    en: 'The child is already paired with this helper',
  },
  PAIRING_ALREADY_ENDED: { status: 409, zh: '该结对已经结束', en: 'This pairing has already ended' },
  CARE_RECORD_NOT_AUTHOR: {
    status: 403,
    zh: '只能修改自己填写的关爱记录，其他人的记录请联系学校管理员',
    en: 'You can only change care records you wrote; ask a school administrator',
  },
  CARE_RECORD_EDIT_CLOSED: {
    status: 403,
    zh: '该记录已过可修改期限，只有学校管理员可以修改',
    en: 'The time to edit this record has passed; only a school administrator can change it now',
  },
  FOLLOW_UP_NOT_OPEN: {
    status: 409,
    zh: '该记录没有待跟进事项，或已经跟进完成',
    en: 'This record has no open follow-up',
  },
  TERM_NOT_SET: {
    status: 422,
    zh: '该学校还没有设置学期，无法计算关爱任务',
    en: 'No term is set for this school, so duties cannot be computed',
  },
  CONCERN_STEP_INVALID: {
    status: 409,
    zh: '该报告当前不在这一步，请刷新后查看最新进展',
    en: 'The concern is not at this step; reload to see where it stands',
  },
  CARE_RULE_KIND_UNAVAILABLE: {
    status: 422,
    zh: '这类记录尚无法在本系统中登记，暂不能作为关爱规范',
    en: 'Records of this kind cannot be kept here yet, so no rule can ask for them',
  },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  ATTACHMENT_TYPE_UNSUPPORTED: {
    status: 415,
    zh: '只能上传 JPEG、PNG 图片或 PDF 文件（按文件内容判断，与文件名无关）',
    en: 'Only JPEG or PNG images and PDF files can be uploaded (judged by the content, not the name)',
  },
  IMPORT_FILE_INVALID: {
    status: 415,
    zh: '文件不是有效的 Excel 工作簿（.xlsx），请用模板填写后另存为 .xlsx 再上传',
    en: 'The file is not a valid Excel workbook (.xlsx); fill in the template and save it as .xlsx',
  },
  IMPORT_TOO_LARGE: {
    status: 413,
    zh: '文件过大或行数过多，请分成几个文件导入',
    en: 'The file is too large or has too many rows; split it into several files',
  },
  IMPORT_HEADER_MISSING: {
    status: 422,
    zh: '没有找到表头行（含“姓名”列），请使用下载的模板',
    en: 'No header row (with a 姓名 column) was found; use the downloaded template',
  },
  IMPORT_HAS_PROBLEMS: {
    status: 422,
    zh: '文件中有错误，未导入任何数据；请按提示逐行修改后重新导入',
    en: 'The file has problems and nothing was imported; fix the rows listed and import again',
  },
  EXPORT_TOO_LARGE: {
    status: 422,
    zh: '要导出的儿童过多，请缩小筛选范围后再导出',
    en: 'Too many children to export; narrow the filters first',
  },
  CONTACT_CARDS_ORG_KIND: {
    status: 422,
    zh: '只能按班级或村（社区）打印联系卡',
    en: 'Contact cards can be printed per class or per village only',
  },
  PDF_FONT_MISSING: {
    status: 503,
    zh: '服务器缺少中文字体，暂时无法生成 PDF；请管理员安装 fonts-noto-cjk 或设置 PDF_FONT',
    en: 'The server lacks a Chinese font and cannot make PDFs; install fonts-noto-cjk or set PDF_FONT',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    zh: '数据库暂时无法连接，请稍后再试',
    en: 'The database is unavailable; please try again shortly',
  },
  MAILBOX_UNAVAILABLE: {
    status: 404,
    zh: '这个信箱不存在或暂时关闭了，请向老师确认链接是否正确',
    en: 'This mailbox does not exist or is closed for now; check the link with a teacher',
  },
  MAILBOX_TOO_MANY: {
    status: 429,
    zh: '发送得太频繁了，请过一会儿再试',
    en: 'Too many tries in a short time; please wait a while and try again',
  },
  PICKUP_CODE_UNKNOWN: {
    status: 404,
    zh: '没有找到这个取信码，请对照纸条检查是否抄错',
    en: 'No letter has this pickup code; check that it was copied correctly',
  },
  MAILBOX_MESSAGE_CLOSED: { status: 409, zh: '这封悄悄话已结束处理', en: 'This message has been closed' },
  CONCERN_MAILBOX_OTHER_SCHOOL: {
    status: 422,
    zh: '这封悄悄话来自另一所学校，报告须放在写信孩子的学校',
    en: 'This message came from another school; the concern must belong to the school it was written to',
  },
  PLEDGE_ALREADY_REVIEWED: { status: 409, zh: '该承诺书已复查，不能再修改', en: 'This pledge was already reviewed' },
  ACTIVITY_DATE_UNCONFIRMED: {
    status: 422,
    zh: '活动日期距今超过一年，请核对年份；确认无误后勾选“确认日期”再保存',
    en: 'The activity date is more than a year away; check the year, then confirm the date and save again',
  },
  ACTIVITY_ORG_KIND: {
    status: 422,
    zh: '活动只能由乡镇、村（社区）、学校或班级组织',
    en: 'Activities are organized by a township, village, school or class',
  },
  ACTIVITY_PHOTO_NOT_IMAGE: {
    status: 415,
    zh: '活动照片只能是 JPEG 或 PNG 图片（按文件内容判断）',
    en: 'Activity photos must be JPEG or PNG images (judged by the content)',
  },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后再试', en: 'Internal error; please try again later' },
  LETTER_MERGE_FIELD_UNKNOWN: {
    status: 400,
    zh: '信件模板中有无法识别的合并字段，请按提示修改',
    en: 'The letter template uses merge fields that do not exist',
  },
  LETTER_TEMPLATE_KEPT: {
    status: 422,
    zh: '期初、期末的信件模板不能删除，可以修改其内容',
    en: 'The start- and end-of-term templates cannot be deleted; edit them instead',
  },
  LETTER_ORG_KIND: {
    status: 422,
    zh: '只能为一个班级或一所学校生成信件',
    en: 'Letters are made for a class or a school',
  },
  LETTER_NO_TERM: {
    status: 422,
    zh: '该校还没有设置学期，请先在“学期设置”中添加',
    en: 'No term is set for this school yet; add one under Terms first',
  },
  LETTER_NO_CHILDREN: {
    status: 422,
    zh: '该班级或学校没有可生成信件的儿童',
    en: 'No children to write letters for here',
  },
  LETTER_CHILDREN_SCHOOL: {
    status: 422,
    zh: '一次只能登记同一所学校的儿童，且学期须是该校的学期',
    en: 'Mark letters for one school at a time, with a term of that school',
  },
  LETTER_ALREADY_SENT: {
    status: 409,
    zh: '所选儿童中有人的这封信已登记为已发出',
    en: 'Some of these letters are already marked sent',
  },
  CONSENT_ALREADY_WITHDRAWN: {
    status: 409,
    zh: '该同意记录已撤回',
    en: 'This consent has already been withdrawn',
  },
  CANNOT_RESET_OWN_TOTP: {
    status: 422,
    zh: '不能重置自己的两步验证，请在“两步验证”页面自行关闭或使用恢复码',
    en: 'You cannot reset your own two-step sign-in; turn it off on the two-step page or use a recovery code',
  },
  TOTP_NOT_SET: {
    status: 409,
    zh: '该用户没有开启两步验证，无需重置',
    en: 'This user has no two-step sign-in to reset',
  },
  REAUTH_PASSWORD_WRONG: {
    status: 422,
    zh: '您输入的登录密码不正确，请输入您自己的密码以确认身份',
    en: 'Your password is wrong; enter your own password to confirm it is you',
  },
  CONSENT_PHOTOS_MISSING: {
    status: 422,
    zh: '缺少“照片与影像”的监护人同意或法定依据，不能上传照片',
    en: 'No guardian consent or legal basis for photos: the photo cannot be added',
  },
  CONSENT_SHARING_MISSING: {
    status: 422,
    zh: '缺少“与村（社区）共享”的监护人同意或法定依据，不能导出给村（社区）',
    en: 'No guardian consent or legal basis for sharing with the village: this cannot be exported to the village',
  },
  CORRECTION_ALREADY_HANDLED: {
    status: 409,
    zh: '该更正申请已处理',
    en: 'This correction request has already been handled',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalog;

export type Language = 'zh-CN' | 'en';

export function errorMessage(code: ErrorCode, language: Language): string {
  const entry = errorCatalog[code];
  return language === 'en' ? entry.en : entry.zh;
}

/** Shape of every error body the API sends. */
export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: { field?: string; message: string }[];
    current?: unknown;
    /** Possible duplicates (DUPLICATE_SUSPECTED). */
    candidates?: unknown;
  };
}
