import { createContext, type ReactNode, useContext } from 'react';

type HeadingLevel = 2 | 3 | 4 | 5 | 6;

const HeadingLevelContext = createContext<HeadingLevel>(2);

/** The heading level for the next section heading inside a rendered form (the page owns the h1). */
export const useHeadingLevel = (): HeadingLevel => useContext(HeadingLevelContext);

/** Makes headings of nested sections one level deeper. */
export const NestedHeadings = ({ children }: { children: ReactNode }) => {
  const level = useHeadingLevel();
  const next = Math.min(level + 1, 6) as HeadingLevel;
  return <HeadingLevelContext.Provider value={next}>{children}</HeadingLevelContext.Provider>;
};

/** `h2` … `h6` for a heading level. */
export const headingTag = (level: HeadingLevel) => `h${level}` as const;
