import { useTranslation } from 'react-i18next';

/** More than this and the instructor fixes the file in an editor anyway; the count of the rest is shown. */
const PROBLEMS_SHOWN = 5;

/** Why a class-list file was refused (nothing of it was imported): the first problems in words, then how many more. */
export function RefusedFile({ file, problems }: { file: string; problems: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="problems">
      <p>{t('roster.refused', { file })}</p>
      <ul>
        {problems.slice(0, PROBLEMS_SHOWN).map((problem, index) => (
          <li key={index}>{problem}</li>
        ))}
      </ul>
      {problems.length > PROBLEMS_SHOWN && <p>{t('roster.moreProblems', { count: problems.length - PROBLEMS_SHOWN })}</p>}
    </div>
  );
}
