/* SPDX-License-Identifier: ISC */
/* The exec floor: a program that does nothing. */
int
main(void)
{
	return 0;
}
