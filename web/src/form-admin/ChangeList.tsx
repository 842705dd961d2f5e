import { Alert, Box, Typography } from '@mui/material';
import { type ChangeEntry, groupChanges } from './diff-groups.js';

/** The changes between two versions, grouped by kind under headings of `level`. */
export const ChangeList = ({ changes, level }: { changes: readonly ChangeEntry[]; level: 2 | 3 }) => {
  if (changes.length === 0) {
    return <Alert severity="info">Die beiden Fassungen unterscheiden sich nicht.</Alert>;
  }
  return (
    <>
      {groupChanges(changes).map((group) => (
        <Box component="section" key={group.kind} sx={{ mb: 2 }}>
          <Typography
            component={`h${level}`}
            variant="h3"
            gutterBottom
            sx={level === 3 ? { fontSize: '1.1rem' } : undefined}
          >
            {group.label} ({group.changes.length})
          </Typography>
          <Box component="ul" sx={{ mt: 0, pl: 3 }}>
            {group.changes.map((change, index) => (
              <li key={`${change.path}-${index}`}>
                {change.label && change.kind !== 'formChanged' && (
                  <Box component="span" sx={{ fontWeight: 'bold' }}>
                    {change.label}:{' '}
                  </Box>
                )}
                {change.text}
              </li>
            ))}
          </Box>
        </Box>
      ))}
    </>
  );
};
