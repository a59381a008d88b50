// The app's Mantine theme: defaults that give the close buttons Mantine draws as an icon only (a
// dismissible alert's, a modal's, the item drawer's) a name for screen readers.

import { Alert, Drawer, Modal, createTheme } from '@mantine/core';

const CLOSE = 'Close';

export const theme = createTheme({
  components: {
    Alert: Alert.extend({ defaultProps: { closeButtonLabel: CLOSE } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': CLOSE } } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': CLOSE } } }),
  },
});
