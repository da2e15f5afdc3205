/**
 * Rectification orders (安全监察指令书, 责令限期整改): a regulator's system issues an order, the gateway tracks its life
 * (ISSUED → RECTIFIED, or ISSUED → OVERDUE → RECTIFIED | PENALISED), marks orders OVERDUE itself with a scheduled
 * check that fires on one node of a cluster, delivers every change to the provincial platform as a message of its
 * own, audits each, and lets the issuing system list its open and overdue orders. See docs/rectification.md.
 */
package cn.sedx.gateway.rectification;
