// The Chinese text of every error the API sends, as `extensions.messageZh` next to the
// English `message` (which stays as it was: clients and logs match on it). Built from the
// code and the structured extensions, so it needs no translation of free English text; the
// details only English names (a field path, a variable) are quoted as they are.

type Extensions = Readonly<Record<string, unknown>>;

function quoted(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? `“${value}”` : '';
}

const FIXED: Readonly<Record<string, string>> = {
  NOT_FOUND: '要查找或修改的对象不存在',
  UNAUTHENTICATED: '需要有效的令牌（Authorization: Bearer <令牌>）；令牌可能错误、已撤销或已过期',
  FORBIDDEN: '该令牌无权修改此机构的报告',
  REVIEW_REQUIRED: '该机构要求审核：请用 proposeChanges 提出修改建议，由审核人批准后生效',
  GRAPHQL_PARSE_FAILED: '查询不是有效的 GraphQL 语法',
  GRAPHQL_VALIDATION_FAILED: '查询与接口的模式不符',
  BAD_REQUEST: '请求格式无效',
  PERSISTED_QUERY_NOT_FOUND: '服务器没有这个持久化查询，请连同查询全文重发',
  PERSISTED_QUERY_NOT_SUPPORTED: '服务器不支持持久化查询',
  PERSISTED_QUERY_HASH_MISMATCH: '持久化查询的 sha256 与所附查询全文不符',
  PERSISTED_QUERY_VERSION_NOT_SUPPORTED: '不支持此版本的持久化查询（只支持 version 1）',
  OPERATION_RESOLUTION_FAILURE: '无法确定要执行的操作（请给出 operationName）',
  PAYLOAD_TOO_LARGE: '请求体过大',
  METHOD_NOT_ALLOWED: '不支持此 HTTP 方法',
  UNSUPPORTED_MEDIA_TYPE: '不支持此内容类型',
  INTERNAL_SERVER_ERROR: '服务器内部错误；报告问题时请附上请求 ID',
};

export function chineseMessageOf(code: string, extensions: Extensions = {}): string {
  switch (code) {
    case 'BAD_USER_INPUT': {
      const field = quoted(extensions.field);
      return field ? `输入无效：${field}` : '输入无效';
    }
    case 'CONFLICT':
      return `修订号已过时：修改依据的是第 ${String(extensions.expectedRevision)} 版，报告现为第 ${String(extensions.currentRevision)} 版`;
    case 'QUERY_TOO_DEEP':
      return `查询嵌套 ${String(extensions.depth)} 层，最多 ${String(extensions.maximum)} 层`;
    case 'TOO_MANY_ALIASES':
      return `查询使用了 ${String(extensions.aliases)} 个别名，最多 ${String(extensions.maximum)} 个`;
    case 'QUERY_TOO_COMPLEX':
      return `查询开销为 ${String(extensions.complexity)}，最多 ${String(extensions.maximum)}：请少取一些条目`;
    case 'RATE_LIMITED':
      return `查询开销超出限额，请在 ${String(extensions.retryAfterSeconds)} 秒后重试`;
    default:
      return FIXED[code] ?? `请求未能完成（${code}）`;
  }
}
