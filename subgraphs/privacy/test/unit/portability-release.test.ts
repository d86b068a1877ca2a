import { accessReportDisclosure } from '../../src/domain/access-report-release.js';
import { portabilityDisclosure } from '../../src/domain/portability-release.js';

const request = { id: '5d8f0c3e-1111-4a2b-9c3d-000000000000', memberId: '0b7a6c1e-2222-4a2b-9c3d-000000000000' };
const at = new Date('2026-12-02T10:00:00Z');

describe("a portability export's disclosure", () => {
  it("goes to the member for their access request, like the access report's, and says it was the portability export, by whom", () => {
    const released = portabilityDisclosure(request, 'second-officer', ['SURVEY', 'EDI', 'SURVEY'], at);
    const report = accessReportDisclosure(request, 'second-officer', ['SURVEY', 'EDI'], at);
    expect(released).toMatchObject({ memberId: request.memberId, recipient: report.recipient, purpose: report.purpose, categories: ['EDI', 'SURVEY'], disclosedAt: at });
    expect(released.description).toBe(`Portability export (JSON) for request ${request.id}, released by second-officer`);
    expect(released.description).not.toBe(report.description);
    expect(released.id).not.toBe(report.id);
  });

  it('refuses to record a release of no category, or of a word that is not one', () => {
    expect(() => portabilityDisclosure(request, 'second-officer', [], at)).toThrow('categories');
    expect(() => portabilityDisclosure(request, 'second-officer', ['PROFILE', 'EVERYTHING'], at)).toThrow('categories');
  });

  it("keeps a long officer's name within the description's 300 characters", () => {
    expect(portabilityDisclosure(request, 'o'.repeat(400), ['PROFILE'], at).description).toHaveLength(300);
  });
});
