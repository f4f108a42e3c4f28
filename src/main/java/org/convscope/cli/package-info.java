/** cli */
package org.convscope.cli;
