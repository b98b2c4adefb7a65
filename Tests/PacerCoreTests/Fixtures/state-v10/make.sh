#!/bin/bash
# make.sh PACER OUT: how pacer-state.sql was made. A term on the tiny school run through PACER's
# commands only (a pacer of schema v10, built from commit 3033f25): init with --history-from, a
# week planned and published, checks ahead of the progression, back-dated, re-sent with another
# note and to the end of the progression, an absence, a day regrouped and published, two checks
# withdrawn. Then: sqlite3 OUT/school/pacer-state.sqlite .dump > pacer-state.sql
set -e
P=$1; O=$2; rm -rf $O; mkdir -p $O
S=$O/school; cp -r "$(dirname "$0")/../../../../scenarios/tiny-school" $S
$P init $S --date 2026-11-23 --history-from 2026-11-16 > $O/log.txt
$P plan $S --out $O/w1 --week-of 2026-11-23 --node-limit 200 --quiet >> $O/log.txt 2>&1
$P publish $S $O/w1/plan.json >> $O/log.txt
cat > $O/c1.csv <<CSV
date,student,objective,result,note
2026-11-23,S-01,MATH-7.RP.1,mastered,good
2026-11-23,S-04,MATH-7.RP.2,mastered,
2026-11-23,S-05,MATH-7.RP.3,mastered,ahead
2026-11-23,S-05,MATH-7.RP.2,mastered,
2026-11-23,S-11,MATH-7.NS.1,not-yet,
2026-11-24,S-15,MATH-7.NS.2,mastered,
2026-11-23,S-30,MATH-7.SP.1,mastered,done
2026-11-24,S-27,MATH-7.G.2,mastered,
2026-11-24,S-21,MATH-7.G.1,mastered,ahead of the progression
CSV
$P record $S --checks $O/c1.csv --date 2026-11-24 >> $O/log.txt
cat > $O/c2.csv <<CSV
date,student,objective,result,note
2026-11-17,S-02,MATH-7.RP.1,mastered,back-filled
2026-11-18,S-02,MATH-7.RP.2,not-yet,
2026-11-19,S-01,MATH-7.RP.2,not-yet,
2026-11-24,S-01,MATH-7.RP.2,mastered,
2026-11-24,S-21,MATH-7.EE.2,mastered,
CSV
$P record $S --checks $O/c2.csv --date 2026-11-24 >> $O/log.txt
$P absent $S --date 2026-11-25 student:S-03 --note "dentist" >> $O/log.txt 2>&1 || true
$P regroup $S --date 2026-11-25 --out $O/d1 --node-limit 200 >> $O/log.txt 2>&1
$P publish $S $O/d1/plan.json >> $O/log.txt
cat > $O/c3.csv <<CSV
date,student,objective,result,note
2026-11-24,S-08,MATH-7.RP.3,mastered,
2026-11-23,S-01,MATH-7.RP.1,mastered,very good
2026-11-23,S-01,MATH-7.RP.3,mastered,
2026-11-25,S-02,MATH-7.RP.2,mastered,
2026-11-23,S-04,MATH-7.RP.2,mastered,
2026-11-25,S-28,MATH-7.G.2,mastered,
2026-11-25,S-28,MATH-7.SP.1,mastered,
CSV
$P record $S --checks $O/c3.csv --date 2026-11-25 >> $O/log.txt
$P record $S --withdraw 2 >> $O/log.txt
$P record $S --withdraw 3 >> $O/log.txt
$P status $S --date 2026-11-26 > $O/status.txt
