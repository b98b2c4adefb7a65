#ifndef PACER_CGLPK_SHIM_H
#define PACER_CGLPK_SHIM_H
/* GLPK's public header, from Debian's libglpk-dev. */
#include <glpk.h>
#endif
