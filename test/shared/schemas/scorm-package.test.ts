import { describe, expect, it } from 'vitest';
import { scormLaunchHrefSchema, scormPackageSchema } from '../../../shared/schemas/scorm-package';
import { rejectionPaths } from './fixtures/rejection';

const package12 = {
  id: 'pkg_abc123',
  title: 'Onboarding',
  version: '1.2',
  launch_href: 'index.html',
  mastery_score: 80,
};

describe('scormPackageSchema', () => {
  it('accepts a 1.2 package and a 2004 4th edition one', () => {
    expect(scormPackageSchema.parse(package12)).toEqual(package12);
    const package2004 = {
      id: 'pkg_def456',
      title: 'Golf',
      version: '2004',
      edition: '4th',
      launch_href: 'shared/launchpage.html?content=playing',
      scaled_passing_score: 0.6,
    };
    expect(scormPackageSchema.parse(package2004)).toEqual(package2004);
  });

  it('rejects an edition on a 1.2 package', () => {
    expect(rejectionPaths(scormPackageSchema, { ...package12, edition: '3rd' })).toEqual(['edition']);
  });

  it('rejects unknown versions and out-of-range passing scores', () => {
    expect(rejectionPaths(scormPackageSchema, { ...package12, version: '1.3' })).toEqual(['version']);
    expect(rejectionPaths(scormPackageSchema, { ...package12, mastery_score: 101 })).toEqual(['mastery_score']);
    expect(rejectionPaths(scormPackageSchema, { ...package12, scaled_passing_score: 1.5 })).toEqual([
      'scaled_passing_score',
    ]);
  });
});

describe('scormLaunchHrefSchema', () => {
  it.each(['index.html', 'course/start.htm', 'course/start.html?x=1#top', 'story.html?x=..'])(
    'accepts %s',
    (href) => {
      expect(scormLaunchHrefSchema.safeParse(href).success).toBe(true);
    },
  );

  it.each([
    '/index.html',
    '\\index.html',
    '../outside.html',
    'a/../../b.html',
    // Stays inside the package, but a stored href is normalised at import, so any '..' left is suspect.
    'a/b/../c.html',
    'a\\..\\b',
    'https://evil.example/x',
    'javascript:alert(1)',
    '',
  ])(
    'rejects %s',
    (href) => {
      expect(scormLaunchHrefSchema.safeParse(href).success).toBe(false);
    },
  );
});
