// Query.viewer over HTTP: who the token says the caller is and what they may do for an agency,
// so a client offers approve / reject only to reviewers of that agency and knows its own
// proposals. Nothing here grants anything; the writes check again.
import { startApiTestServer, type ApiTestServer } from './apiTestServer';

const AGENCY = '平罗县审批服务管理局';
const OTHER_AGENCY = '某局';

const VIEWER = `query($agency: String!) {
  viewer { actor { id name } role canEdit(agency: $agency) canReview(agency: $agency) }
}`;

interface ViewerAnswer {
  viewer: {
    actor: { id: string; name: string } | null;
    role: string | null;
    canEdit: boolean;
    canReview: boolean;
  };
}

describe('Query.viewer over HTTP (integration)', () => {
  let api: ApiTestServer;

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'viewer' });
  });

  afterAll(async () => {
    await api?.close();
  });

  const ask = async (agency: string, token?: string) => {
    const result = await api.gql<ViewerAnswer>(VIEWER, { agency }, token);
    expect(result.errors).toBeUndefined();
    return result.data!.viewer;
  };

  it('given no token, when viewer is asked, then there is no actor or role and nothing is allowed', async () => {
    await expect(ask(AGENCY)).resolves.toEqual({
      actor: null,
      role: null,
      canEdit: false,
      canReview: false,
    });
  });

  it("given a reviewer token, when viewer is asked, then it names the token's actor and may review (not edit) its agency only", async () => {
    const token = await api.token('reviewer', [AGENCY], '审核人李四');
    const tokenId = /^nbl_([0-9a-f]{16})_/.exec(token)?.[1];
    const own = await ask(AGENCY, token);
    expect(own).toEqual({
      actor: { id: `token:${tokenId}`, name: '审核人李四' },
      role: 'reviewer',
      canEdit: false,
      canReview: true,
    });
    await expect(ask(OTHER_AGENCY, token)).resolves.toMatchObject({
      canEdit: false,
      canReview: false,
    });
  });

  it('given an editor token, when viewer is asked, then it may edit (not review) its agency only', async () => {
    const token = await api.token('editor', [AGENCY], '编辑甲');
    await expect(ask(AGENCY, token)).resolves.toMatchObject({
      role: 'editor',
      canEdit: true,
      canReview: false,
    });
    await expect(ask(OTHER_AGENCY, token)).resolves.toMatchObject({
      canEdit: false,
      canReview: false,
    });
  });

  it('given an admin token, when viewer is asked, then it may edit and review any agency', async () => {
    const token = await api.token('admin', [], '管理员');
    await expect(ask(OTHER_AGENCY, token)).resolves.toMatchObject({
      role: 'admin',
      canEdit: true,
      canReview: true,
    });
  });
});
