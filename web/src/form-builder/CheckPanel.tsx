import { Alert, AlertTitle, Box, Link, List, ListItem, Typography } from '@mui/material';
import type { FieldError } from '../../../form-logic/index.js';

export interface CheckState {
  status: 'idle' | 'checking' | 'done' | 'failed';
  errors: FieldError[];
  contractErrors: FieldError[];
}

const plural = (count: number) => (count === 1 ? '1 Problem' : `${count} Probleme`);

interface CheckPanelProps {
  check: CheckState;
  /** The element a problem concerns, if any: its entry becomes a link that selects it. */
  targetOf: (problem: FieldError) => string | undefined;
  onShow: (elementId: string) => void;
}

/** The result of the live definition check: the problems and what the process needs. */
export const CheckPanel = ({ check, targetOf, onShow }: CheckPanelProps) => (
  <Box component="section" aria-labelledby="builder-check-heading" sx={{ mt: 2 }}>
    <Typography id="builder-check-heading" variant="h2" component="h2" sx={{ fontSize: '1.1rem' }}>
      Prüfung
    </Typography>
    <Typography role="status" variant="body2" data-testid="check-status" sx={{ my: 1 }}>
      {check.status === 'checking'
        ? 'Wird geprüft …'
        : check.status === 'failed'
          ? 'Die Prüfung ist fehlgeschlagen; sie wird bei der nächsten Änderung wiederholt.'
          : check.status === 'idle'
            ? ''
            : check.errors.length === 0
              ? 'Keine Probleme'
              : plural(check.errors.length)}
    </Typography>
    {check.errors.length > 0 && (
      <List dense disablePadding aria-label="Probleme der Definition">
        {check.errors.map((problem, index) => {
          const target = targetOf(problem);
          return (
            <ListItem key={index} disablePadding sx={{ display: 'list-item', ml: 2, listStyle: 'disc' }}>
              {target === undefined ? (
                problem.message
              ) : (
                <Link
                  component="button"
                  type="button"
                  onClick={() => onShow(target)}
                  sx={{ textAlign: 'left' }}
                >
                  {problem.message}
                </Link>
              )}
            </ListItem>
          );
        })}
      </List>
    )}
    {check.contractErrors.length > 0 && (
      <Alert severity="warning" sx={{ mt: 1 }}>
        <AlertTitle component="h3" sx={{ fontSize: '1rem' }}>
          Was der Ablauf braucht
        </AlertTitle>
        <List dense disablePadding>
          {check.contractErrors.map((problem, index) => (
            <ListItem key={index} disablePadding>
              {problem.message}
            </ListItem>
          ))}
        </List>
      </Alert>
    )}
  </Box>
);
