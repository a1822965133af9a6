/* Plays qubes-guid in tests: on its DISPLAY (the GUI domain's) it makes,
 * resizes and destroys windows carrying _QUBES_VMNAME (the qube's name)
 * and _QUBES_VMWINDOWID (the window's id inside the qube), as told on
 * stdin, one command a line:
 *   create QUBE XID W H   -> prints "window 0x..." (at 0,0, black)
 *   resize W H
 *   destroy
 * It ends at end of input. */
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	Display *x = XOpenDisplay(NULL);
	if (!x) {
		fprintf(stderr, "fake_qubes_guid: cannot open the display\n");
		return 1;
	}
	Atom vmname = XInternAtom(x, "_QUBES_VMNAME", False);
	Atom vmwindowid = XInternAtom(x, "_QUBES_VMWINDOWID", False);
	Window window = 0;
	char line[256];
	while (fgets(line, sizeof(line), stdin)) {
		char qube[128];
		unsigned long xid;
		unsigned w, h;
		if (sscanf(line, "create %127s %lx %u %u", qube, &xid, &w, &h) == 4) {
			window = XCreateSimpleWindow(x, DefaultRootWindow(x), 0, 0, w, h, 0, 0, 0);
			XChangeProperty(x, window, vmname, XA_STRING, 8, PropModeReplace, (unsigned char *)qube,
					(int)strlen(qube));
			long id = (long)xid; /* format 32 properties are longs in Xlib */
			XChangeProperty(x, window, vmwindowid, XA_WINDOW, 32, PropModeReplace, (unsigned char *)&id, 1);
			XMapWindow(x, window);
			XSync(x, False);
			printf("window 0x%lx\n", window);
		} else if (sscanf(line, "resize %u %u", &w, &h) == 2 && window) {
			XResizeWindow(x, window, w, h);
			XSync(x, False);
			printf("resized\n");
		} else if (strncmp(line, "destroy", 7) == 0 && window) {
			XDestroyWindow(x, window);
			XSync(x, False);
			window = 0;
			printf("destroyed\n");
		} else {
			printf("error: %s", line);
		}
		fflush(stdout);
	}
	XCloseDisplay(x);
	return 0;
}
