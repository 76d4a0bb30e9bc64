/* cmd.h: the client's commands. Each takes the arguments after its name and returns an
 * exit status (enum client_exit). */
#ifndef CV_CLIENT_CMD_H
#define CV_CLIENT_CMD_H

int cmd_ping(int argc, char **argv);

#endif
