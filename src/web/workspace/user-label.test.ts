import { describe, expect, it } from 'vitest';
import { userLabel } from './user-label';

describe('the signed-in user in the workspace header', () => {
  it.each([
    [{ displayName: '系统管理员', enterpriseName: null }, '系统管理员', '系统管理员'],
    [{ displayName: '林晓', enterpriseName: null }, '受理/初审人员', '林晓 · 受理/初审人员'],
    [
      { displayName: '李澄', enterpriseName: '澄屿软件有限公司' },
      '企业用户',
      '李澄 · 企业用户 · 澄屿软件有限公司',
    ],
    [
      { displayName: '澄屿软件有限公司', enterpriseName: '澄屿软件有限公司' },
      '企业用户',
      '澄屿软件有限公司 · 企业用户',
    ],
  ])('%o as %s reads %s', (user, role, expected) => {
    expect(userLabel(user, role)).toBe(expected);
  });
});
