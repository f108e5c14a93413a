import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import { useColorScheme } from '@mui/material/styles';
import Check from '@mui/icons-material/Check';
import { COLOR_SCHEME_MODES } from './colorSchemeModes';

export default function ColorSchemeMenuPopup({
  anchor,
  onClose,
}: {
  anchor: HTMLElement;
  onClose: () => void;
}) {
  const { mode, setMode } = useColorScheme();
  const current = mode ?? 'system';
  return (
    <Menu id="color-scheme-menu" anchorEl={anchor} open onClose={onClose}>
      {COLOR_SCHEME_MODES.map(({ mode: m, label, Icon }) => (
        <MenuItem
          key={m}
          selected={m === current}
          role="menuitemradio"
          aria-checked={m === current}
          onClick={() => {
            setMode(m);
            onClose();
          }}
        >
          <ListItemIcon>
            <Icon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{label}</ListItemText>
          {m === current && <Check fontSize="small" sx={{ ml: 2 }} />}
        </MenuItem>
      ))}
    </Menu>
  );
}
