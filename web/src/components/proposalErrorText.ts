// What a refused proposal action says: the server's own message (in Chinese when it sends one),
// prefixed by what the code means for the person at the screen.
import { ApiError } from '../api/graphqlClient';

const CODE_HINTS: Readonly<Record<string, string>> = {
  UNAUTHENTICATED: '令牌无效或已被撤销',
  FORBIDDEN: '服务器拒绝了此操作',
  CONFLICT: '修改建议或报告已被他人更新',
  BAD_USER_INPUT: '输入有误',
};

export function proposalErrorText(action: string, error: unknown): string {
  if (error instanceof ApiError) {
    const zh = error.extensions.messageZh;
    const detail = typeof zh === 'string' && zh ? `${zh}（${error.message}）` : error.message;
    const hint = CODE_HINTS[error.code] ?? error.code;
    return `${action}失败：${hint}：${detail}`;
  }
  return `${action}失败：${error instanceof Error ? error.message : String(error)}`;
}
